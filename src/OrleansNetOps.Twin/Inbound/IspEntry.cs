using Orleans;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Inbound;

/// <summary>How an ISP reaches one of our prefixes: the edge router and session its best path enters through, and the route as the ISP holds it.</summary>
/// <param name="Router">Our edge router the path comes from; null when the ISP originates the prefix itself (a hijack or leak).</param>
/// <param name="Link">The topology link carrying that session (e.g. <c>R1-ISP-B</c>); null with <paramref name="Router"/>.</param>
/// <param name="Route">The ISP's best route: AS path and MED as it sees them, our session address as peer and next hop.</param>
[GenerateSerializer, Immutable]
public sealed record IspEntry(string? Router, string? Link, RibRoute Route);
