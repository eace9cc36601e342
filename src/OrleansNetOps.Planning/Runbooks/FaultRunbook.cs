using System.Collections.Immutable;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Planning.Runbooks;

/// <summary>A known fault and its known remedy: incidents that fit <paramref name="Match"/> get <paramref name="Runbook"/>.</summary>
/// <param name="Name">The mapping's name, for the timeline and the rationale.</param>
/// <param name="Runbook">The runbook's name.</param>
/// <param name="Match">Which incidents.</param>
public sealed record FaultRunbook(string Name, string Runbook, RunbookMatch Match)
{
    /// <summary>The runbook's fields, each taken from the incident field named (e.g. <c>previousVersion: evidence.previous_version</c>).</summary>
    public ImmutableSortedDictionary<string, string> Arguments { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Its tier. The twin has no model of an IT system, so a runbook's blast radius cannot be measured: the mapping
    /// declares the tier, T2 (a person approves) unless it says otherwise.
    /// </summary>
    public Tier Tier { get; init; } = Tier.T2;

    /// <summary>How sure the mapping is that its runbook is the remedy (0..1); the action's confidence.</summary>
    public double Confidence { get; init; } = 0.9;
}
