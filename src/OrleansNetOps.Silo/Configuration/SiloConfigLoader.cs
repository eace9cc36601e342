using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrleansNetOps.Silo.Configuration;

/// <summary>
/// Reads <c>silo.yaml</c>, applies <c>NETOPS__Section__Key</c> environment overrides and validates the result.
/// Every problem is reported at once, each naming the file, line and column (or the variable) and the field path.
/// </summary>
public static class SiloConfigLoader
{
    /// <summary>The name of the configuration built into the executable.</summary>
    public const string EmbeddedSourceName = "embedded:silo.yaml";

    private const string EmbeddedResourceName = "OrleansNetOps.Silo.silo.yaml";

    /// <summary>Loads a file.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="environment">The variables to take overrides from (normally the process environment).</param>
    /// <param name="displayName">How messages name the file; <paramref name="path"/> when omitted.</param>
    /// <exception cref="SiloConfigException">The file is missing, malformed or invalid.</exception>
    public static SiloConfig LoadFile(string path, IEnumerable<KeyValuePair<string, string?>> environment, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = displayName ?? path;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SiloConfigException(new ConfigError(name, string.Empty, $"cannot read the configuration file: {exception.Message}"));
        }

        return Parse(text, name, environment);
    }

    /// <summary>Loads the configuration built into the executable (the repository's <c>silo-config/silo.yaml</c>).</summary>
    public static SiloConfig LoadEmbedded(IEnumerable<KeyValuePair<string, string?>> environment)
    {
        using var stream = typeof(SiloConfigLoader).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The resource {EmbeddedResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), EmbeddedSourceName, environment);
    }

    /// <summary>Parses YAML text.</summary>
    /// <param name="yaml">The document.</param>
    /// <param name="sourceName">How messages name the source, e.g. <c>silo-config/silo.yaml</c>.</param>
    /// <param name="environment">The variables to take overrides from.</param>
    /// <exception cref="SiloConfigException">The text is malformed or invalid.</exception>
    public static SiloConfig Parse(string yaml, string sourceName, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(environment);
        var diagnostics = new ConfigDiagnostics(sourceName);
        CheckSyntax(yaml, sourceName);
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
            diagnostics.Report(root, string.Empty, "expected sections (http, storage, auth, runtime, listeners, network) at the top level");
            diagnostics.ThrowIfAny();
            return new SiloConfig();
        }

        EnvironmentOverrides.Apply(mapping, environment, diagnostics);
        var config = SiloConfigBinder.Bind(mapping, diagnostics);
        diagnostics.ThrowIfAny();
        return config;
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
            throw new SiloConfigException(new ConfigError(
                $"{sourceName}:{exception.Start.Line}:{exception.Start.Column}", string.Empty, $"YAML syntax error: {SyntaxMessage(exception)}"));
        }
        catch (InvalidOperationException)
        {
            throw new SiloConfigException(new ConfigError(
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
