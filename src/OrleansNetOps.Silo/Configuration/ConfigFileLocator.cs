using OrleansNetOps.Configuration;
namespace OrleansNetOps.Silo.Configuration;

/// <summary>
/// Decides which <c>silo.yaml</c> to read: <c>--config PATH</c>, then <c>NETOPS_CONFIG</c>, then
/// <c>silo-config/silo.yaml</c> in the current directory or any parent (so <c>dotnet run --project src/...</c>
/// from anywhere in the checkout finds the repository's file), then the copy built into the executable.
/// </summary>
internal static class ConfigFileLocator
{
    public const string ConfigVariable = "NETOPS_CONFIG";
    public const string DefaultRelativePath = "silo-config/silo.yaml";

    /// <summary>The chosen file; <paramref name="Path"/> is null for the embedded configuration.</summary>
    internal sealed record Choice(string? Path, string DisplayName);

    public static Choice Resolve(string? explicitPath, string currentDirectory, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var full = Path.GetFullPath(explicitPath, currentDirectory);
            if (!File.Exists(full))
            {
                throw new ConfigException(new ConfigError(explicitPath, string.Empty, $"the configuration file does not exist (looked for {full})"));
            }

            return new Choice(full, explicitPath);
        }

        foreach (var start in new[] { currentDirectory, baseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, DefaultRelativePath);
                if (File.Exists(candidate))
                {
                    var relative = Path.GetRelativePath(currentDirectory, candidate);
                    return new Choice(candidate, relative.StartsWith("..", StringComparison.Ordinal) ? candidate : relative);
                }
            }
        }

        return new Choice(null, SiloConfigLoader.EmbeddedSourceName);
    }
}
