using OrleansNetOps.Bgp.Prefixes;
using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// A node starts announcing a prefix: one of our routers originates it, or an ISP announces it with the AS path
/// behind it (its own AS goes in front on the wire) — e.g. a route leak, an ISP re-announcing another's prefix.
/// </summary>
/// <param name="Node">Router or ISP id.</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="AsPath">The AS path behind an ISP (empty for our routers).</param>
/// <param name="Med">The MED an ISP sends.</param>
[GenerateSerializer, Immutable]
public sealed record PrefixAnnouncement(string Node, IpPrefix Prefix, IReadOnlyList<uint> AsPath, uint? Med = null) : TwinChange
{
    /// <inheritdoc />
    public override string Describe() => $"{Node} announces {Prefix}{(AsPath.Count > 0 ? " as-path " + string.Join(' ', AsPath) : string.Empty)}";
}
