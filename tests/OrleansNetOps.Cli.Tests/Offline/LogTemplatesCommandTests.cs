using System.CommandLine;
using System.Text.Json;
using OrleansNetOps.Analytics.Logs;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Cli.Tests.Offline;

/// <summary><c>netops logs templates</c>, run in-process through the real command line with its output captured.</summary>
public sealed class LogTemplatesCommandTests : IDisposable
{
    private const string HdfsFormat = "<Date> <Time> <Pid> <Level> <Component>: <Content>";
    private const string ThunderbirdFormat = @"<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>(\[<PID>\])?: <Content>";
    private readonly string folder = Directory.CreateTempSubdirectory("netops-logs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("HDFS", HdfsFormat)]
    [InlineData("Thunderbird", ThunderbirdFormat)]
    public async Task A_loghub_file_gets_one_object_per_line_with_the_library_grouping(string set, string format)
    {
        var path = SharedData.Path("loghub", set, $"{set}_2k.log");

        var run = await RunAsync("logs", "templates", "--input", path, "--format", format);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var objects = run.Lines.Select(Parse).ToList();
        Assert.Equal(2000, objects.Count);
        Assert.Equal(Enumerable.Range(1, 2000), objects.Select(o => o.Line));
        var expected = LogTemplateBatch.Assign(File.ReadLines(path), LogFormat.Parse(format));
        Assert.Equal(expected.Select(e => (e.TemplateId, e.Template)), objects.Select(o => (o.TemplateId, o.Template)));
        // Two passes: every line of a group carries the group's final template.
        Assert.All(objects.GroupBy(o => o.TemplateId), g => Assert.Single(g.Select(o => o.Template).Distinct()));
    }

    [Fact]
    public async Task The_HDFS_sample_yields_its_known_templates()
    {
        var run = await RunAsync("logs", "templates", "--input", SharedData.Path("loghub", "HDFS", "HDFS_2k.log"), "--format", HdfsFormat);

        var objects = run.Lines.Select(Parse).ToList();
        Assert.Equal("PacketResponder <*> for block blk_<*> terminating", objects[0].Template);
        Assert.Equal(objects[0].TemplateId, objects[1].TemplateId);
        Assert.Equal("BLOCK* NameSystem.addStoredBlock: blockMap updated: <*> is added to blk_<*> size <*>", objects[2].Template);
        // The ground truth has 14 event types in this sample.
        Assert.Equal(14, objects.Select(o => o.TemplateId).Distinct().Count());
    }

    [Fact]
    public async Task Crlf_line_ends_and_a_missing_final_line_break_are_read_as_lines()
    {
        var path = Write("crlf.log", "session opened for user 17\r\nConnection closed by 10.0.0.1\r\nsession opened for user 23");

        var run = await RunAsync("logs", "templates", "--input", path);

        Assert.Equal(0, run.ExitCode);
        var objects = run.Lines.Select(Parse).ToList();
        Assert.Equal([1, 2, 3], objects.Select(o => o.Line));
        Assert.Equal("session opened for user <*>", objects[0].Template);
        Assert.Equal(objects[0].TemplateId, objects[2].TemplateId);
        Assert.Equal("Connection closed by <*>", objects[1].Template);
        Assert.DoesNotContain(objects, o => o.Template.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Output_is_the_documented_json_shape()
    {
        var path = Write("one.log", "Interface eth0 changed state to down\n");

        var run = await RunAsync("logs", "templates", "--input", path);

        var only = Assert.Single(run.Lines);
        Assert.Matches("""^\{"line": 1, "templateId": "t-[0-9a-f]{16}", "template": "Interface <\*> changed state to down"\}$""", only);
    }

    [Fact]
    public async Task A_line_that_does_not_match_the_format_is_mined_whole_and_counted_on_stderr()
    {
        var path = Write("mixed.log", "2024-01-01 10:00:00 INFO core: started worker 1\nnot a formatted line\n2024-01-01 10:00:01 INFO core: started worker 2\n");

        var run = await RunAsync("logs", "templates", "--input", path, "--format", "<Date> <Time> <Level> <Component>: <Content>");

        Assert.Equal(0, run.ExitCode);
        var objects = run.Lines.Select(Parse).ToList();
        Assert.Equal("started worker <*>", objects[0].Template);
        Assert.Equal("not a formatted line", objects[1].Template);
        Assert.Equal(objects[0].TemplateId, objects[2].TemplateId);
        Assert.Contains("1 of 3 lines do not match --format", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_format_without_content_is_rejected_by_name()
    {
        var path = Write("a.log", "x\n");

        var run = await RunAsync("logs", "templates", "--input", path, "--format", "<Date> <Message>");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.Contains("--format", run.Error, StringComparison.Ordinal);
        Assert.Contains("<Content>", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_file_is_an_error_naming_it()
    {
        var path = Path.Combine(folder, "absent.log");

        var run = await RunAsync("logs", "templates", "--input", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_prints_nothing()
    {
        var run = await RunAsync("logs", "templates", "--input", Write("empty.log", ""));

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Lines);
    }

    private static (int Line, string TemplateId, string Template) Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["line", "templateId", "template"], root.EnumerateObject().Select(p => p.Name));
        return (root.GetProperty("line").GetInt32(), root.GetProperty("templateId").GetString()!, root.GetProperty("template").GetString()!);
    }

    private static async Task<(int ExitCode, IReadOnlyList<string> Lines, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.BuildRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        return (exitCode, lines, error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
