using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;
using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// An ISP starts announcing a prefix with the AS path behind it (its own AS goes in front on the wire), a MED and
/// communities (<c>ISP_ANNOUNCE</c>) — e.g. a more-specific, a route leak, an ISP re-announcing another's prefix.
/// </summary>
/// <param name="Node">The ISP's id.</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="AsPath">The AS path behind the ISP.</param>
/// <param name="Med">The MED the ISP sends.</param>
[GenerateSerializer, Immutable]
public sealed record PrefixAnnouncement(string Node, IpPrefix Prefix, IReadOnlyList<uint> AsPath, uint? Med = null) : NetworkEvent
{
    /// <summary>Standard communities the ISP attaches.</summary>
    [field: Id(100)]
    public IReadOnlyList<Community> Communities { get; init; } = [];

    /// <inheritdoc />
    public override string Kind => "ISP_ANNOUNCE";

    /// <inheritdoc />
    public override string Describe() =>
        $"{Node} announces {Prefix}{(AsPath.Count > 0 ? " as-path " + string.Join(' ', AsPath) : string.Empty)}"
        + (Med is { } med ? $" med {med}" : string.Empty)
        + (Communities.Count > 0 ? " communities " + string.Join(' ', Communities) : string.Empty);
}
