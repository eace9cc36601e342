using System.Collections.Immutable;
using OrleansNetOps.Configuration;
using OrleansNetOps.Drivers.Runbooks;
using OrleansNetOps.Planning.Runbooks;

namespace OrleansNetOps.Silo.Decisions;

/// <summary>
/// <c>runbooks.yaml</c> beside the configuration file: the runbooks operators define (<c>runbooks:</c>) and which known
/// fault gets which (<c>faults:</c>). Read once at start and validated whole, every problem positioned; secrets come
/// from the environment (<c>{ fromEnvironment: NAME }</c>) and are never shown.
/// </summary>
/// <param name="DisplayName">How positioned errors name it.</param>
/// <param name="Runbooks">The runbooks, in file order.</param>
/// <param name="Catalogue">The fault mappings.</param>
public sealed record RunbooksFile(string DisplayName, ImmutableArray<RunbookDefinition> Runbooks, RunbookCatalogue Catalogue)
{
    /// <summary>The file's name beside <c>silo.yaml</c>.</summary>
    public const string FileName = "runbooks.yaml";

    /// <summary>Reads and validates the file.</summary>
    /// <exception cref="ConfigException">Every problem of the file, positioned.</exception>
    public static RunbooksFile Load(string path, string displayName, IReadOnlyDictionary<string, string?> environment)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(new ConfigError(displayName, string.Empty, $"cannot read the runbooks file: {exception.Message}"));
        }

        return Parse(text, displayName, environment);
    }

    /// <summary>Parses the file's text.</summary>
    /// <exception cref="ConfigException">Every problem of the text, positioned.</exception>
    public static RunbooksFile Parse(string yaml, string displayName, IReadOnlyDictionary<string, string?> environment)
    {
        var diagnostics = new ConfigDiagnostics(displayName);
        var root = YamlDocumentReader.ReadMapping(yaml, diagnostics, "runbooks and faults");
        var top = new YamlSection(diagnostics, root, root, string.Empty);
        var runbooks = RunbookReader.Read(top, "runbooks", environment);
        var names = runbooks.Select(r => r.Runbook.Name).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        var catalogue = FaultRunbookReader.Read(top, "faults", names);
        top.Finish();
        diagnostics.ThrowIfAny();
        return new RunbooksFile(displayName, [.. runbooks.Select(r => r.Runbook)], catalogue);
    }
}
