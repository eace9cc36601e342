using OrleansNetOps.Configuration;

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
    /// <exception cref="ConfigException">The file is missing, malformed or invalid.</exception>
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
            throw new ConfigException(new ConfigError(name, string.Empty, $"cannot read the configuration file: {exception.Message}"));
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
    /// <exception cref="ConfigException">The text is malformed or invalid.</exception>
    public static SiloConfig Parse(string yaml, string sourceName, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(environment);
        var diagnostics = new ConfigDiagnostics(sourceName);
        var mapping = YamlDocumentReader.ReadMapping(yaml, diagnostics, "sections (http, storage, auth, runtime, listeners, network)");
        EnvironmentOverrides.Apply(mapping, environment, diagnostics);
        var config = SiloConfigBinder.Bind(mapping, diagnostics);
        diagnostics.ThrowIfAny();
        return config;
    }
}
