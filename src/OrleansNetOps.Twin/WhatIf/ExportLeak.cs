using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// One of our edge routers loses its outbound filter towards a provider and announces everything it has
/// (<c>EXPORT_LEAK</c>: a route leak by misconfiguration, not an action anyone would choose).
/// </summary>
/// <param name="Router">Our edge router.</param>
/// <param name="Peer">The provider it leaks to.</param>
[GenerateSerializer, Immutable]
public sealed record ExportLeak(string Router, string Peer) : NetworkEvent
{
    /// <inheritdoc />
    public override string Kind => "EXPORT_LEAK";

    /// <inheritdoc />
    public override string Describe() => $"{Router} leaks its table to {Peer}";
}
