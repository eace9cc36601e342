using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>What <see cref="OriginMonitor"/> knows about one prefix.</summary>
/// <param name="Prefix">The prefix, as text.</param>
/// <param name="Seen">Origins seen over time.</param>
/// <param name="Current">Each vantage point's current route.</param>
/// <param name="OpenMultipleOrigins">The origins of the multiple-origin episode already reported and still going on; empty when none.</param>
public sealed record PrefixOrigins(
    string Prefix,
    ImmutableArray<OriginSighting> Seen,
    ImmutableArray<VantageOrigin> Current,
    ImmutableArray<uint> OpenMultipleOrigins);
