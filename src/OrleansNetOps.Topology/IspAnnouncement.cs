using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Topology;

/// <summary>A prefix an ISP announces to us.</summary>
/// <param name="Prefix">The prefix.</param>
/// <param name="AsPath">The AS path behind the ISP (the ISP's own AS is prepended on the wire).</param>
/// <param name="Med">The MED it sends, if any.</param>
public sealed record IspAnnouncement(IpPrefix Prefix, IReadOnlyList<uint> AsPath, uint? Med);
