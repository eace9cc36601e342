namespace OrleansNetOps.Grains.Network;

/// <summary>The answer to a <see cref="RibQuery"/>.</summary>
/// <param name="RouterId">The router.</param>
/// <param name="View">API view name.</param>
/// <param name="Afi"><c>ipv4</c> or <c>ipv6</c>.</param>
/// <param name="Routes">The routes.</param>
/// <param name="Computed">True when best paths were computed here rather than sent by the router (no Loc-RIB).</param>
/// <param name="Total">Routes matching before the limit.</param>
/// <param name="Truncated">Whether the limit cut the list.</param>
/// <param name="Safi"><c>unicast</c>, <c>labeled-unicast</c> or <c>vpn</c>.</param>
[GenerateSerializer, Immutable]
public sealed record RibResult(string RouterId, string View, string Afi, IReadOnlyList<RibRouteView> Routes, bool Computed, int Total, bool Truncated,
    string Safi = "unicast");
