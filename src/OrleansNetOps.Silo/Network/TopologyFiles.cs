using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Network;

/// <summary>Finds and loads the topology the silo runs with.</summary>
public static class TopologyFiles
{
    /// <summary>How messages name the topology built into the executable.</summary>
    public const string EmbeddedSourceName = "embedded:topology.yaml";

    private const string ResourceName = "OrleansNetOps.Silo.topology.yaml";

    /// <summary>The seed topology built into the executable (the repository's <c>silo-config/topology.yaml</c>).</summary>
    public static NetworkTopology LoadEmbedded()
    {
        using var stream = typeof(TopologyFiles).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return TopologyLoader.Parse(reader.ReadToEnd(), EmbeddedSourceName);
    }

    /// <summary>
    /// The configured file (relative to the configuration file's folder), else <c>topology.yaml</c> beside the
    /// configuration file, else the embedded seed. Returns the topology and where it came from.
    /// </summary>
    public static (NetworkTopology Topology, string Source) Resolve(string? configuredFile, string? configFilePath)
    {
        var folder = configFilePath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(configFilePath))!;
        if (configuredFile is not null)
        {
            var path = Path.IsPathRooted(configuredFile) ? configuredFile : Path.Combine(folder, configuredFile);
            return (TopologyLoader.LoadFile(path, configuredFile), configuredFile);
        }

        var beside = Path.Combine(folder, "topology.yaml");
        return configFilePath is not null && File.Exists(beside)
            ? (TopologyLoader.LoadFile(beside, Path.GetRelativePath(Directory.GetCurrentDirectory(), beside)), beside)
            : (LoadEmbedded(), EmbeddedSourceName);
    }
}
