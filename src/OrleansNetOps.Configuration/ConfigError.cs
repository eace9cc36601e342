namespace OrleansNetOps.Configuration;

/// <summary>One problem found in the configuration.</summary>
/// <param name="Location">
/// Where the value came from: <c>file:line:column</c>, or the environment variable's name.
/// </param>
/// <param name="Path">The field path, such as <c>storage.kind</c> or <c>auth.keys[1].roles</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ConfigError(string Location, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        Path.Length == 0 ? $"{Location}: {Message}" : $"{Location}: {Path}: {Message}";
}
