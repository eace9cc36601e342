namespace OrleansNetOps.Bgp.Policy;

/// <summary>The filters bound to one neighbour (<c>neighbor X route-map|prefix-list NAME in|out</c>).</summary>
public sealed record PeerPolicy
{
    /// <summary>No filters.</summary>
    public static PeerPolicy None { get; } = new();

    /// <summary>Inbound route-map.</summary>
    public string? RouteMapIn { get; init; }

    /// <summary>Outbound route-map.</summary>
    public string? RouteMapOut { get; init; }

    /// <summary>Inbound prefix-list.</summary>
    public string? PrefixListIn { get; init; }

    /// <summary>Outbound prefix-list.</summary>
    public string? PrefixListOut { get; init; }

    /// <summary>The route-map for <paramref name="direction"/>.</summary>
    public string? RouteMap(PolicyDirection direction) => direction == PolicyDirection.In ? RouteMapIn : RouteMapOut;

    /// <summary>The prefix-list for <paramref name="direction"/>.</summary>
    public string? PrefixList(PolicyDirection direction) => direction == PolicyDirection.In ? PrefixListIn : PrefixListOut;

    /// <summary>A copy with the route-map of <paramref name="direction"/> replaced.</summary>
    public PeerPolicy WithRouteMap(PolicyDirection direction, string? name) =>
        direction == PolicyDirection.In ? this with { RouteMapIn = name } : this with { RouteMapOut = name };
}
