using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>The whole state of an <see cref="OriginMonitor"/>, as plain data a grain can persist.</summary>
/// <param name="Prefixes">Per prefix, ordered by prefix.</param>
/// <param name="Untracked">Announcements of prefixes not tracked because the monitor was full.</param>
public sealed record OriginMonitorSnapshot(ImmutableArray<PrefixOrigins> Prefixes, long Untracked);
