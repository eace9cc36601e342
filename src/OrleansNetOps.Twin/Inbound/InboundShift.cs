using Orleans;
namespace OrleansNetOps.Twin.Inbound;

/// <summary>
/// How the Internet reaches us through one ISP, before and after a what-if: its share of the inbound traffic to our
/// prefixes, per session with us, and its best path to each of our prefixes.
/// </summary>
/// <param name="Isp">The ISP's id.</param>
/// <param name="TrafficShareBefore">Share of all inbound traffic to our prefixes entering through this ISP (0..1).</param>
/// <param name="TrafficShareAfter">After.</param>
/// <param name="BytesPerSecondBefore">Volume before; null without flow data (shares then weigh each of our prefixes alike).</param>
/// <param name="BytesPerSecondAfter">After.</param>
/// <param name="Links">Per session with us (every one the ISP has), what enters there.</param>
/// <param name="Paths">Its best path to each of our prefixes, by prefix.</param>
[GenerateSerializer, Immutable]
public sealed record InboundShift(string Isp, double TrafficShareBefore, double TrafficShareAfter, double? BytesPerSecondBefore, double? BytesPerSecondAfter,
    IReadOnlyList<InboundLink> Links, IReadOnlyList<IspBestPath> Paths);
