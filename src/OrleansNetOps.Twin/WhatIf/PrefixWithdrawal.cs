using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>A node stops announcing (originating) a prefix.</summary>
/// <param name="Node">Router or ISP id.</param>
/// <param name="Prefix">The prefix.</param>
public sealed record PrefixWithdrawal(string Node, IpPrefix Prefix) : TwinChange
{
    /// <inheritdoc />
    public override string Describe() => $"{Node} withdraws {Prefix}";
}
