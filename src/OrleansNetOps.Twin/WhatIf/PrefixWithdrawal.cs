using OrleansNetOps.Bgp.Prefixes;
using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>A node stops announcing (originating) a prefix.</summary>
/// <param name="Node">Router or ISP id.</param>
/// <param name="Prefix">The prefix.</param>
[GenerateSerializer, Immutable]
public sealed record PrefixWithdrawal(string Node, IpPrefix Prefix) : TwinChange
{
    /// <inheritdoc />
    public override string Describe() => $"{Node} withdraws {Prefix}";
}
