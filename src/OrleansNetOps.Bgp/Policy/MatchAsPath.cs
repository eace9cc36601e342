namespace OrleansNetOps.Bgp.Policy;

/// <summary><c>match as-path NAME</c>; an undefined list matches nothing.</summary>
/// <param name="ListName">The AS-path access list.</param>
public sealed record MatchAsPath(string ListName) : RouteMapMatch
{
    /// <inheritdoc />
    public override bool Matches(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.AsPathLists.TryGetValue(ListName, out var list)
            && list.Evaluate(route.Attributes.EffectiveAsPath) == AccessAction.Permit;
    }
}
