using System.Collections.Immutable;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Planning.Runbooks;

/// <summary>A <c>RUNBOOK</c> action for an incident: which runbook, with which fields, at which tier, and why.</summary>
/// <param name="Mapping">The fault mapping that matched.</param>
/// <param name="Fields">The runbook's fields, taken from the incident.</param>
/// <param name="Rationale">Why, for people.</param>
public sealed record RunbookProposal(FaultRunbook Mapping, ImmutableSortedDictionary<string, string> Fields, string Rationale)
{
    /// <summary>The action name of a runbook run.</summary>
    public const string Action = "RUNBOOK";

    /// <summary>The runbook's name: the action's target.</summary>
    public string Runbook => Mapping.Runbook;

    /// <summary>The tier its mapping declares.</summary>
    public Tier Tier => Mapping.Tier;
}
