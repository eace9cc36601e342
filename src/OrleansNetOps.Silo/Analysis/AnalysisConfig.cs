using System.Collections.Immutable;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>The <c>analysis</c> section: what the route detectors check our routers' routes against, beyond the topology.</summary>
public sealed record AnalysisConfig
{
    /// <summary>
    /// Whether each router's routes go through the route detectors (leaks, origin hijacks and MOAS, more-specific
    /// hijacks, churn storms). Off unless configured: they cost about as much memory and several times the CPU per
    /// prefix as the router grain itself.
    /// </summary>
    public bool RouteDetectors { get; init; }

    /// <summary>
    /// An AS-relationship file in CAIDA's <c>as1|as2|rel</c> format for the leak detector; a relative path is taken
    /// from the configuration file's folder. Our ISPs are our providers from the topology either way.
    /// </summary>
    public string? AsRelationshipsFile { get; init; }

    /// <summary>Prefixes of ours besides those the topology's routers originate, watched for more-specific and origin hijacks.</summary>
    public ImmutableArray<IpPrefix> OwnPrefixes { get; init; } = [];

    /// <summary>Most prefixes whose origins each router's route analyst tracks (its memory bound).</summary>
    public int MaxTrackedPrefixes { get; init; } = 2_500_000;

    /// <summary>This configuration with a relative <see cref="AsRelationshipsFile"/> taken from <paramref name="configFilePath"/>'s folder.</summary>
    public AnalysisConfig RelativeTo(string? configFilePath) =>
        AsRelationshipsFile is null || Path.IsPathRooted(AsRelationshipsFile)
            ? this
            : this with
            {
                AsRelationshipsFile = Path.Combine(
                    configFilePath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(configFilePath))!,
                    AsRelationshipsFile),
            };
}
