using System.Text;
using OrleansNetOps.Telemetry.Metrics;

namespace OrleansNetOps.Telemetry.Tests.Metrics;

public sealed class PrometheusTextParserTests
{
    private const string Body = """
        # HELP ifHCInOctets Octets received.\nCounter64 from IF-MIB, backslash \\ kept.
        # TYPE ifHCInOctets counter
        ifHCInOctets{ifName="Ethernet1/1",router="r1"} 1.8446744073709552e+19 1700000000123
        ifHCInOctets{ifName="quote \" back \\ nl \n",router="r1",} 42
        # a plain comment
        # TYPE rtt_seconds histogram
        rtt_seconds_bucket{le="0.05"} 10
        rtt_seconds_bucket{le="+Inf"} 12
        rtt_seconds_sum 0.42
        rtt_seconds_count 12

        up NaN
        temp_celsius{sensor="a"}	-Inf	-5
        free_bytes +Inf
        """;

    [Fact]
    public void Samples_labels_values_and_metadata()
    {
        var scrape = PrometheusTextParser.ParseStrict(Encoding.UTF8.GetBytes(Body));

        Assert.Empty(scrape.Errors);
        Assert.Equal(9, scrape.Samples.Count);
        var first = scrape.Samples[0];
        Assert.Equal(("ifHCInOctets", "Ethernet1/1", "r1"), (first.Name, first["ifName"], first["router"]));
        Assert.Equal(1.8446744073709552e19, first.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), first.Timestamp);
        Assert.Equal("quote \" back \\ nl \n", scrape.Samples[1]["ifName"]);
        Assert.Null(scrape.Samples[1].Timestamp);
        var family = scrape.Families["ifHCInOctets"];
        Assert.Equal(PrometheusMetricType.Counter, family.Type);
        Assert.Equal("Octets received.\nCounter64 from IF-MIB, backslash \\ kept.", family.Help);
        Assert.Equal(PrometheusMetricType.Histogram, scrape.FamilyOf(scrape.Samples[2])!.Type);
        Assert.Equal(double.PositiveInfinity, double.Parse(scrape.Samples[3]["le"]!.Replace("+Inf", "Infinity", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(double.IsNaN(scrape.Samples[6].Value));
        Assert.Equal(double.NegativeInfinity, scrape.Samples[7].Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(-5), scrape.Samples[7].Timestamp);
        Assert.Equal(double.PositiveInfinity, scrape.Samples[8].Value);
        // Each sample knows where its line starts, so a caller that refuses one can name the line.
        var text = Encoding.UTF8.GetBytes(Body);
        Assert.All(scrape.Samples, s => Assert.True(s.Offset == 0 || text[s.Offset - 1] == (byte)'\n', $"{s.Name} at {s.Offset}"));
        Assert.Equal(Body.IndexOf("free_bytes", StringComparison.Ordinal), scrape.Samples[8].Offset);
    }

    [Theory]
    [InlineData("m{a=\"x\"} abc", 9, "not a number")]
    [InlineData("m{a=\"x} 1", 4, "not closed")]
    [InlineData("m{a \"x\"} 1", 4, "'='")]
    [InlineData("m{1a=\"x\"} 1", 2, "label name")]
    [InlineData("m 1 12.5", 4, "integer milliseconds")]
    [InlineData("m 1 2 3", 6, "after the timestamp")]
    [InlineData("# TYPE m widget", 9, "unknown metric type")]
    [InlineData("m{a=\"\\t\"} 1", 5, "unknown escape")]
    [InlineData("9m 1", 0, "metric name")]
    public void Bad_lines_are_reported_and_the_rest_kept(string bad, int column, string reason)
    {
        var body = "good 1\n" + bad + "\nalso_good 2\n";

        var scrape = PrometheusTextParser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(["good", "also_good"], scrape.Samples.Select(s => s.Name));
        var error = Assert.Single(scrape.Errors);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(7 + column, error.Offset);
    }
}
