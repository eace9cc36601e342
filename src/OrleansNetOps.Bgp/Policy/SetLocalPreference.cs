namespace OrleansNetOps.Bgp.Policy;

/// <summary><c>set local-preference [+|-]N</c>.</summary>
/// <param name="Value">The value or delta.</param>
/// <param name="Operation">Replace, add or subtract.</param>
public sealed record SetLocalPreference(uint Value, ValueOperation Operation = ValueOperation.Set) : RouteMapSet
{
    /// <inheritdoc />
    public override PolicyRoute Apply(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route with { Attributes = route.Attributes with { LocalPref = Adjust(route.Attributes.LocalPref, Value, Operation) } };
    }
}
