using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Risk;

/// <summary>What the risk classifier looks at.</summary>
/// <param name="Action">Catalogue name.</param>
/// <param name="Direction">The action's <c>direction</c> parameter (<c>in</c>, <c>out</c>) or null.</param>
/// <param name="Blast">Blast radius (0..1).</param>
/// <param name="Prefixes">Prefixes the change touches; null when unknown (every prefix classification then applies).</param>
/// <param name="DataSensitivity">A level the proposer asserts; it can raise the derived level, never lower it.</param>
/// <param name="Compliance">Likewise for compliance.</param>
public sealed record RiskInput(string Action, string? Direction, double Blast, ImmutableArray<string>? Prefixes,
    string? DataSensitivity = null, string? Compliance = null);
