using System.Collections.Immutable;
using Orleans;

namespace OrleansNetOps.Analytics.Findings;

/// <summary>A cause root-cause analysis proposes for a group of findings.</summary>
/// <param name="Subject">The object at fault (a link, a session, a router, an ISP, a prefix origin).</param>
/// <param name="Confidence">How well it explains the symptoms, in [0, 1].</param>
/// <param name="Explanation">Why, for a person.</param>
[GenerateSerializer, Immutable]
public sealed record CandidateCause(FindingSubject Subject, double Confidence, string Explanation)
{
    /// <summary>The facts it rests on.</summary>
    [field: Id(3)]
    public ImmutableArray<Evidence> Evidence { get; init; } = [];
}
