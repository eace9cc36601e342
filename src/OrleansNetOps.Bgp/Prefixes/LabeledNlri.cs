namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>A labelled-unicast (SAFI 4, RFC 8277) or L3VPN (SAFI 128, RFC 4364) route.</summary>
/// <param name="Prefix">The IP prefix.</param>
/// <param name="Labels">MPLS labels (20-bit values), outermost first; withdrawals carry whatever placeholder the sender put.</param>
/// <param name="Distinguisher">Route distinguisher for VPN routes, null for labelled unicast.</param>
/// <param name="PathId">ADD-PATH path identifier, if in use.</param>
public readonly record struct LabeledNlri(IpPrefix Prefix, EquatableArray<uint> Labels, RouteDistinguisher? Distinguisher, uint? PathId = null)
{
    /// <summary>The route without its labels: prefix and path identifier, as a RIB keys it together with the RD.</summary>
    public Nlri Route => new(Prefix, PathId);

    /// <summary><c>RD:prefix#id</c> with the labels, e.g. <c>65000:1:192.0.2.0/24 [24001]</c>.</summary>
    public override string ToString() =>
        $"{(Distinguisher is { } rd ? rd + ":" : null)}{Route} [{string.Join(',', Labels)}]";
}
