namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// <c>match ip address prefix-list NAME</c> / <c>match ipv6 address prefix-list NAME</c>. A route of the other
/// family never matches, and neither does any route when the list is not defined (FRR returns no-match).
/// </summary>
/// <param name="ListName">The prefix-list.</param>
/// <param name="IsIPv6">True for the <c>ipv6</c> form.</param>
public sealed record MatchPrefixList(string ListName, bool IsIPv6 = false) : RouteMapMatch
{
    /// <inheritdoc />
    public override bool Matches(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(policy);
        return route.Prefix.IsIPv6 == IsIPv6
            && policy.FindPrefixList(ListName, IsIPv6) is { } list
            && list.Permits(route.Prefix);
    }
}
