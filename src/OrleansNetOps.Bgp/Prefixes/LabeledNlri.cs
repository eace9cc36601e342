namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>A labelled-unicast (SAFI 4, RFC 8277) or L3VPN (SAFI 128, RFC 4364) route.</summary>
/// <param name="Prefix">The IP prefix.</param>
/// <param name="Labels">MPLS labels (20-bit values), outermost first.</param>
/// <param name="Distinguisher">Route distinguisher for VPN routes.</param>
/// <param name="PathId">ADD-PATH path identifier, if in use.</param>
public sealed record LabeledNlri(IpPrefix Prefix, EquatableArray<uint> Labels, RouteDistinguisher? Distinguisher, uint? PathId = null);
