namespace OrleansNetOps.Bgp.Policy;

/// <summary><c>match community NAME [exact-match]</c>; an undefined list matches nothing.</summary>
/// <param name="ListName">The community list.</param>
/// <param name="ExactMatch">Only routes whose communities are exactly an entry's values.</param>
public sealed record MatchCommunity(string ListName, bool ExactMatch = false) : RouteMapMatch
{
    /// <inheritdoc />
    public override bool Matches(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.CommunityLists.TryGetValue(ListName, out var list)
            && list.Matches(route.Attributes.Communities, ExactMatch);
    }
}
