using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>An edge router loses its outbound filter towards a provider and announces everything it has (a route leak).</summary>
/// <param name="Router">Our edge router.</param>
/// <param name="Peer">The provider it leaks to.</param>
[GenerateSerializer, Immutable]
public sealed record ExportLeak(string Router, string Peer) : TwinChange
{
    /// <inheritdoc />
    public override string Describe() => $"{Router} leaks its table to {Peer}";
}
