namespace OrleansNetOps.Bgp.Policy;

/// <summary>A route-map match clause. Lists it names are looked up in the router's <see cref="RoutingPolicy"/>.</summary>
public abstract record RouteMapMatch
{
    private protected RouteMapMatch()
    {
    }

    /// <summary>True when <paramref name="route"/> satisfies the clause.</summary>
    public abstract bool Matches(PolicyRoute route, RoutingPolicy policy);
}
