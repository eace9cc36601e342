using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrleansNetOps.Analytics.Logs;

namespace OrleansNetOps.Cli.Offline;

/// <summary>
/// <c>netops logs templates --input FILE [--format FORMAT]</c>: mines the log templates of a file offline and prints,
/// for every line in order, <c>{"line": n, "templateId": "…", "template": "…"}</c>. Two passes: every line gets the
/// final template of its group (later lines can generalise a template), which is what loghub's accuracy scores.
/// </summary>
internal static class LogTemplatesCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The <c>logs</c> command with its <c>templates</c> subcommand.</summary>
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input", "-i")
        {
            Description = "Log file, one message per line (LF or CRLF; a last line without a line break counts)",
            Required = true,
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Line layout in loghub's syntax, e.g. '<Date> <Time> <Level> <Component>: <Content>' " +
                "(regex between fields, e.g. '\\[<PID>\\]'); only <Content> is mined. Without it the whole line is mined. " +
                "A line that does not match is mined whole.",
        };
        var templates = new Command("templates", "Mine log templates offline and print each line's template as JSON lines") { input, format };
        templates.SetAction((parse, cancellation) => RunAsync(parse, parse.GetRequiredValue(input), parse.GetValue(format), cancellation));
        return new Command("logs", "Log analysis") { templates };
    }

    private static async Task<int> RunAsync(ParseResult parse, FileInfo input, string? formatText, CancellationToken cancellation)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        LogFormat? format = null;
        if (formatText is not null)
        {
            try
            {
                format = LogFormat.Parse(formatText);
            }
            catch (FormatException e)
            {
                await error.WriteLineAsync($"netops logs templates: --format: {e.Message}");
                return 2;
            }
        }

        IReadOnlyList<LineTemplate> lines;
        try
        {
            lines = LogTemplateBatch.Assign(File.ReadLines(input.FullName, Encoding.UTF8), format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"netops logs templates: --input {input.FullName}: {e.Message}");
            return 1;
        }

        var unmatched = 0;
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            cancellation.ThrowIfCancellationRequested();
            unmatched += line.MatchedFormat ? 0 : 1;
            text.Clear()
                .Append(CultureInfo.InvariantCulture, $"{{\"line\": {line.Line}, \"templateId\": ")
                .Append(JsonSerializer.Serialize(line.TemplateId, Json))
                .Append(", \"template\": ")
                .Append(JsonSerializer.Serialize(line.Template, Json))
                .Append('}');
            await output.WriteLineAsync(text, cancellation);
        }

        if (unmatched > 0)
        {
            await error.WriteLineAsync($"netops logs templates: {unmatched} of {lines.Count} lines do not match --format; their whole text was mined");
        }

        await output.FlushAsync(cancellation);
        return 0;
    }
}
