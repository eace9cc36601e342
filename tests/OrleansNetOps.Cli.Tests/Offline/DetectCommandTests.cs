using System.Globalization;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Cli.Tests.Offline;

public sealed class DetectCommandTests
{
    private static readonly string Speed = SharedData.Path("NAB", "data", "realTraffic", "speed_6005.csv");

    [Fact]
    public async Task Prints_one_row_per_input_row_echoing_timestamp_and_value()
    {
        var (exitCode, output, error) = await CliRun.InvokeAsync("detect", "--input", Speed);
        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var input = File.ReadAllLines(Speed);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("timestamp,value,score,anomaly", lines[0]);
        Assert.Equal(input.Length, lines.Length);
        for (var i = 1; i < input.Length; i++)
        {
            var fields = lines[i].Split(',');
            Assert.Equal(4, fields.Length);
            Assert.Equal(input[i], $"{fields[0]},{fields[1]}");
            var score = double.Parse(fields[2], CultureInfo.InvariantCulture);
            Assert.InRange(score, 0, 1);
            Assert.Contains(fields[3], new[] { "0", "1" });
            Assert.True(fields[3] == "0" || score >= 0.6, $"line {i + 1}: raised at score {score}");
        }

        Assert.Contains(lines.Skip(1), l => l.EndsWith(",1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Is_causal_a_prefix_of_the_file_gives_a_prefix_of_the_output()
    {
        var input = File.ReadAllLines(Speed);
        var prefix = CliRun.TempFile(string.Join('\n', input.Take(1500)) + "\n");
        try
        {
            var full = (await CliRun.InvokeAsync("detect", "--input", Speed)).Output.Split('\n');
            var part = (await CliRun.InvokeAsync("detect", "--input", prefix)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(1500, part.Length);
            Assert.Equal(full.Take(1500), part);
        }
        finally
        {
            File.Delete(prefix);
        }
    }

    [Fact]
    public async Task Accepts_CRLF_a_byte_order_mark_ISO_timestamps_and_no_final_newline()
    {
        var file = CliRun.TempFile("\uFEFFtimestamp,value\r\n2024-01-01T00:00:00Z,1.5\r\n2024-01-01 00:05:00,2e1\r\n\r\n2024-01-01T00:10:00+00:00,-3");
        try
        {
            var (exitCode, output, error) = await CliRun.InvokeAsync("detect", "--input", file);
            Assert.Equal(0, exitCode);
            Assert.Empty(error);
            Assert.Equal(
                ["timestamp,value,score,anomaly", "2024-01-01T00:00:00Z,1.5,0,0", "2024-01-01 00:05:00,2e1,0,0", "2024-01-01T00:10:00+00:00,-3,0,0"],
                output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,abc\n", ":3: bad number 'abc'")]
    [InlineData("timestamp,value\n2024-01-01 00:00:00,1\n2024-13-01 00:05:00,2\n", ":3: bad timestamp '2024-13-01 00:05:00'")]
    [InlineData("timestamp,value\n2024-01-01 00:00:00,NaN\n", ":2: bad number 'NaN'")]
    [InlineData("time,value\n2024-01-01 00:00:00,1\n", ":1: expected the header 'timestamp,value'")]
    [InlineData("2024-01-01 00:00:00,1\n", ":1: expected the header 'timestamp,value'")]
    [InlineData("timestamp,value\n2024-01-01 00:00:00,1,7\n", ":2: expected 2 columns")]
    [InlineData("timestamp,value\n2024-01-01 00:05:00,1\n2024-01-01 00:00:00,2\n", ":3: timestamp 2024-01-01 00:00:00 is earlier")]
    [InlineData("", ": empty file")]
    public async Task Bad_input_is_a_clear_error_naming_the_line_and_prints_no_rows(string content, string expected)
    {
        var file = CliRun.TempFile(content);
        try
        {
            var (exitCode, output, error) = await CliRun.InvokeAsync("detect", "--input", file);
            Assert.NotEqual(0, exitCode);
            Assert.Empty(output);
            Assert.Contains(file + expected, error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_file_is_an_error_naming_it()
    {
        var (exitCode, output, error) = await CliRun.InvokeAsync("detect", "--input", "/nonexistent/series.csv");
        Assert.NotEqual(0, exitCode);
        Assert.Empty(output);
        Assert.Contains("/nonexistent/series.csv: cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_input_it_says_what_is_missing()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync("detect");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("--input", error, StringComparison.Ordinal);
    }
}
