using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Messages;

/// <summary>ROUTE-REFRESH (RFC 2918), with the enhanced-refresh subtype of RFC 7313.</summary>
/// <param name="Family">Family to refresh.</param>
/// <param name="Subtype">0 request, 1 beginning of refresh, 2 end of refresh.</param>
public sealed record RouteRefreshMessage(AfiSafi Family, byte Subtype = 0) : BgpMessage
{
    /// <inheritdoc />
    public override BgpMessageType Type => BgpMessageType.RouteRefresh;
}
