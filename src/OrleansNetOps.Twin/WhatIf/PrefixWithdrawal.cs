using OrleansNetOps.Bgp.Prefixes;
using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>An ISP stops announcing a prefix (<c>ISP_WITHDRAW</c>).</summary>
/// <param name="Node">The ISP's id.</param>
/// <param name="Prefix">The prefix.</param>
[GenerateSerializer, Immutable]
public sealed record PrefixWithdrawal(string Node, IpPrefix Prefix) : NetworkEvent
{
    /// <inheritdoc />
    public override string Kind => "ISP_WITHDRAW";

    /// <inheritdoc />
    public override string Describe() => $"{Node} withdraws {Prefix}";
}
