using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>The what-if's findings on the state after the change.</summary>
/// <param name="AsPathLoops">Best paths in which an AS appears twice, not adjacent (prepends are adjacent).</param>
/// <param name="ForwardingLoops">Next-hop chains that come back to a router already on them.</param>
/// <param name="Blackholes">Prefixes that had a path on one of our routers before and have none after.</param>
/// <param name="Asymmetric">Flows whose egress ISP is not one through which the return traffic is expected (egress ISP of the flow to an external prefix is not among the ISPs that receive the source prefix with the shortest AS path).</param>
/// <param name="PolicyConflicts">Guardrail violations and conflicting edits.</param>
[GenerateSerializer, Immutable]
public sealed record TwinChecks(IReadOnlyList<string> AsPathLoops, IReadOnlyList<string> ForwardingLoops, IReadOnlyList<string> Blackholes,
    IReadOnlyList<string> Asymmetric, IReadOnlyList<string> PolicyConflicts);
