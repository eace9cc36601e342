using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Logs;

/// <summary>
/// Everything a <see cref="LogTemplateMiner"/> knows, as plain data (serialises to JSON as is), so a grain can persist
/// it and <see cref="LogTemplateMiner.Restore"/> it elsewhere. Restoring and going on gives the same results as never
/// having stopped.
/// </summary>
/// <param name="Version">Layout version, <see cref="CurrentVersion"/>.</param>
/// <param name="Lines">Lines observed in all.</param>
/// <param name="FirstLineAt">Time of the first line (the learning period starts there).</param>
/// <param name="LatestLineAt">Latest line time seen.</param>
/// <param name="Templates">The templates, in creation order.</param>
/// <param name="Aliases">Ids merged into other templates, oldest first.</param>
public sealed record LogTemplateMinerState(
    int Version,
    long Lines,
    DateTimeOffset? FirstLineAt,
    DateTimeOffset? LatestLineAt,
    ImmutableArray<LogTemplateState> Templates,
    ImmutableArray<LogTemplateAlias> Aliases)
{
    /// <summary>The layout this code writes and reads.</summary>
    public const int CurrentVersion = 1;
}
