namespace OrleansNetOps.Bgp.Policy;

/// <summary><c>match large-community NAME [exact-match]</c>; an undefined list matches nothing.</summary>
/// <param name="ListName">The large-community list.</param>
/// <param name="ExactMatch">Only routes whose large communities are exactly an entry's values.</param>
public sealed record MatchLargeCommunity(string ListName, bool ExactMatch = false) : RouteMapMatch
{
    /// <inheritdoc />
    public override bool Matches(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.LargeCommunityLists.TryGetValue(ListName, out var list)
            && list.Matches(route.Attributes.LargeCommunities, ExactMatch);
    }
}
