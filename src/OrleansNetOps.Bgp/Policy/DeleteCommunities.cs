using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary><c>set comm-list NAME delete</c>: removes each community the list permits; an undefined list removes nothing.</summary>
/// <param name="ListName">The community list.</param>
public sealed record DeleteCommunities(string ListName) : RouteMapSet
{
    /// <inheritdoc />
    public override PolicyRoute Apply(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.CommunityLists.TryGetValue(ListName, out var list))
        {
            return route;
        }

        Community[] kept = [.. route.Attributes.Communities.Where(c => !list.Deletes(c))];
        return route with { Attributes = route.Attributes with { Communities = kept } };
    }
}
