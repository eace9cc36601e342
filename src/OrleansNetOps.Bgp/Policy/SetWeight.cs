namespace OrleansNetOps.Bgp.Policy;

/// <summary><c>set weight N</c>.</summary>
/// <param name="Value">The weight.</param>
public sealed record SetWeight(uint Value) : RouteMapSet
{
    /// <inheritdoc />
    public override PolicyRoute Apply(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route with { Weight = Value };
    }
}
