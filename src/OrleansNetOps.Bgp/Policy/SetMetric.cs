namespace OrleansNetOps.Bgp.Policy;

/// <summary><c>set metric [+|-]N</c> (MED).</summary>
/// <param name="Value">The value or delta.</param>
/// <param name="Operation">Replace, add or subtract.</param>
public sealed record SetMetric(uint Value, ValueOperation Operation = ValueOperation.Set) : RouteMapSet
{
    /// <inheritdoc />
    public override PolicyRoute Apply(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route with { Attributes = route.Attributes with { MultiExitDisc = Adjust(route.Attributes.MultiExitDisc, Value, Operation) } };
    }
}
