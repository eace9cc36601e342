using System.Collections.Immutable;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// <c>route-map NAME permit|deny SEQ</c> with its match clauses (all must hold; none means match all), set
/// clauses (applied in order, permit only) and exit policy.
/// </summary>
/// <param name="Sequence">Evaluation order.</param>
/// <param name="Action">Permit or deny.</param>
public sealed record RouteMapEntry(int Sequence, AccessAction Action)
{
    /// <summary>Match clauses, ANDed.</summary>
    public ImmutableArray<RouteMapMatch> Matches { get; init; } = [];

    /// <summary>Set clauses, applied in order.</summary>
    public ImmutableArray<RouteMapSet> Sets { get; init; } = [];

    /// <summary>What happens after a permit matched. Ignored for deny entries: they end evaluation.</summary>
    public OnMatch OnMatch { get; init; }

    /// <summary>The target of <see cref="OnMatch.Goto"/>.</summary>
    public int? GotoSequence { get; init; }
}
