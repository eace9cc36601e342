using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// <c>set community VALUES [additive]</c>, or <c>set community none</c> (no values, not additive). FRR keeps
/// communities de-duplicated and sorted, so the result is too.
/// </summary>
/// <param name="Values">Values to set or add.</param>
/// <param name="Additive">Add to the existing communities instead of replacing them.</param>
public sealed record SetCommunities(EquatableArray<Community> Values, bool Additive = false) : RouteMapSet
{
    /// <summary><c>set community none</c>.</summary>
    public static SetCommunities None { get; } = new(EquatableArray<Community>.Empty);

    /// <inheritdoc />
    public override PolicyRoute Apply(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        var values = Additive ? route.Attributes.Communities.Concat(Values) : Values;
        var sorted = values.Distinct().OrderBy(c => c.Value).ToArray();
        return route with { Attributes = route.Attributes with { Communities = sorted } };
    }
}
