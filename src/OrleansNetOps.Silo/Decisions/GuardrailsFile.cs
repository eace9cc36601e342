using OrleansNetOps.Governance.Guardrails;

namespace OrleansNetOps.Silo.Decisions;

/// <summary>The <c>guardrails.yaml</c> a silo started with: where it is, how errors name it, and what it held then.</summary>
/// <param name="Path">Its full path, the one watched.</param>
/// <param name="DisplayName">How positioned errors name it (relative to the working directory at start).</param>
/// <param name="Text">Its text at start.</param>
/// <param name="Policy">That text, read.</param>
public sealed record GuardrailsFile(string Path, string DisplayName, string Text, GovernancePolicy Policy)
{
    /// <summary>Reads and validates the file.</summary>
    /// <exception cref="OrleansNetOps.Configuration.ConfigException">Every problem of the file, positioned.</exception>
    public static GuardrailsFile Load(string path, string displayName)
    {
        var text = File.ReadAllText(path);
        return new GuardrailsFile(System.IO.Path.GetFullPath(path), displayName, text, GuardrailsReader.Parse(text, displayName));
    }

    /// <summary>The actor audit records name for a change read from this file: <c>file:</c> and its name.</summary>
    public string Actor => "file:" + System.IO.Path.GetFileName(Path);
}
