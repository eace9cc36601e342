using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary><c>set large-comm-list NAME delete</c>.</summary>
/// <param name="ListName">The large-community list.</param>
public sealed record DeleteLargeCommunities(string ListName) : RouteMapSet
{
    /// <inheritdoc />
    public override PolicyRoute Apply(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.LargeCommunityLists.TryGetValue(ListName, out var list))
        {
            return route;
        }

        LargeCommunity[] kept = [.. route.Attributes.LargeCommunities.Where(c => !list.Deletes(c))];
        return route with { Attributes = route.Attributes with { LargeCommunities = kept } };
    }
}
