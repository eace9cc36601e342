using System.Collections.Immutable;
using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Grains.Incidents;

/// <summary>One candidate of an incident's latest plan as the incident keeps it: what it was and what became of it.</summary>
/// <param name="Id">Its id within the plan (<c>c1</c>…).</param>
/// <param name="Router">Our router.</param>
/// <param name="Action">Catalogue name.</param>
/// <param name="Parameters">Its params.</param>
/// <param name="Outcome"><c>chosen</c>, <c>outranked</c> or <c>blocked</c>.</param>
/// <param name="Tier">Governance's tier for it (<c>T1</c>…).</param>
/// <param name="Blast">The twin's blast radius.</param>
/// <param name="Score">Its score.</param>
/// <param name="Violations">Every violation governance found, blocking or escalating.</param>
/// <param name="Why">Why it won or lost, in words.</param>
public sealed record PlannedCandidate(string Id, string Router, string Action, ActionParameters Parameters, string Outcome, string Tier,
    double Blast, double Score, ImmutableArray<string> Violations, string Why);
