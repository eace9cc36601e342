using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary><c>set large-community VALUES [additive]</c> or <c>set large-community none</c>; result de-duplicated and sorted.</summary>
/// <param name="Values">Values to set or add.</param>
/// <param name="Additive">Add to the existing values instead of replacing them.</param>
public sealed record SetLargeCommunities(EquatableArray<LargeCommunity> Values, bool Additive = false) : RouteMapSet
{
    /// <summary><c>set large-community none</c>.</summary>
    public static SetLargeCommunities None { get; } = new(EquatableArray<LargeCommunity>.Empty);

    /// <inheritdoc />
    public override PolicyRoute Apply(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        var values = Additive ? route.Attributes.LargeCommunities.Concat(Values) : Values;
        var sorted = values.Distinct()
            .OrderBy(c => c.GlobalAdministrator).ThenBy(c => c.LocalData1).ThenBy(c => c.LocalData2)
            .ToArray();
        return route with { Attributes = route.Attributes with { LargeCommunities = sorted } };
    }
}
