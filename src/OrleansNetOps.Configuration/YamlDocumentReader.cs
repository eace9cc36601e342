using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrleansNetOps.Configuration;

/// <summary>
/// Reads one YAML document whose top level is a mapping, turning syntax errors into <see cref="ConfigException"/>s
/// that name the source, line and column.
/// </summary>
public static class YamlDocumentReader
{
    /// <summary>Parses the text; an empty document is an empty mapping.</summary>
    /// <param name="yaml">The document.</param>
    /// <param name="diagnostics">Where problems are collected; its source name is used in messages.</param>
    /// <param name="expectedTopLevel">What the top level should hold, for the message when it is not a mapping.</param>
    /// <exception cref="ConfigException">The text is not one YAML document with a mapping at the top.</exception>
    public static YamlMappingNode ReadMapping(string yaml, ConfigDiagnostics diagnostics, string expectedTopLevel)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(diagnostics);
        CheckSyntax(yaml, diagnostics.SourceName);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));

        if (stream.Documents.Count > 1)
        {
            diagnostics.Report(stream.Documents[1].RootNode, string.Empty, "expected one YAML document, found several");
            diagnostics.ThrowIfAny();
        }

        YamlNode root = stream.Documents.Count == 0 || YamlSection.IsNull(stream.Documents[0].RootNode)
            ? new YamlMappingNode()
            : stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Report(root, string.Empty, $"expected {expectedTopLevel} at the top level");
            diagnostics.ThrowIfAny();
            throw new InvalidOperationException("unreachable");
        }

        return mapping;
    }

    /// <summary>
    /// Runs the bare parser over the text first: the representation model loses the position of some syntax errors
    /// (an unclosed <c>[</c> or <c>{</c> surfaces as <see cref="InvalidOperationException"/>), the event stream does not.
    /// </summary>
    private static void CheckSyntax(string yaml, string sourceName)
    {
        var parser = new Parser(new StringReader(yaml));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (YamlException exception)
        {
            throw new ConfigException(new ConfigError(
                $"{sourceName}:{exception.Start.Line}:{exception.Start.Column}", string.Empty, $"YAML syntax error: {SyntaxMessage(exception)}"));
        }
        catch (InvalidOperationException)
        {
            throw new ConfigException(new ConfigError(
                $"{sourceName}:{last.Line}:{last.Column}", string.Empty,
                "YAML syntax error: the text after this point cannot be parsed (an unclosed '[', '{' or quote?)"));
        }
    }

    // YamlDotNet prefixes its message with the span it already gave us as Start; say it once.
    private static string SyntaxMessage(YamlException exception)
    {
        var message = exception.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0 ? message[(marker + 3)..] : message;
    }
}
