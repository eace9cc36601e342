using System.Globalization;
using OrleansNetOps.Lab.Scenarios;

namespace OrleansNetOps.Lab.Frr;

/// <summary>
/// FRR configuration lines for a neighbour policy. The same lines go into the startup file and, one per <c>-c</c>,
/// into vtysh when a scenario replaces the policy; every block ends with <c>exit</c> so vtysh never has to guess the node.
/// </summary>
public static class RoutePolicyText
{
    private const int PermitSequence = 100;

    /// <summary>
    /// The route-map (and prefix-lists) for one neighbour and direction. <paramref name="ownRoutesOnly"/> restricts
    /// it to routes originated in our AS, which is what an edge router may announce to a provider.
    /// </summary>
    public static IReadOnlyList<string> RouteMap(string neighborId, PolicyDirection direction, bool ownRoutesOnly, IReadOnlyList<PolicyAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var name = RoutePolicyNames.RouteMap(neighborId, direction);
        var lines = new List<string>();
        var denied = actions.OfType<DenyPrefix>().ToList();
        foreach (var ipv6 in new[] { false, true })
        {
            var family = denied.Where(d => d.Prefix.IsIPv6 == ipv6).ToList();
            if (family.Count == 0)
            {
                continue;
            }

            var list = RoutePolicyNames.DeniedPrefixes(neighborId, direction, ipv6);
            var keyword = ipv6 ? "ipv6" : "ip";
            lines.AddRange(family.Select((d, i) => string.Create(CultureInfo.InvariantCulture, $"{keyword} prefix-list {list} seq {(i + 1) * 5} permit {d.Prefix}")));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"route-map {name} deny {(ipv6 ? 20 : 10)}"));
            lines.Add($" match {keyword} address prefix-list {list}");
            lines.Add("exit");
        }

        lines.Add(string.Create(CultureInfo.InvariantCulture, $"route-map {name} permit {PermitSequence}"));
        if (ownRoutesOnly)
        {
            lines.Add($" match as-path {RoutePolicyNames.OwnRoutes}");
        }

        foreach (var action in actions)
        {
            switch (action)
            {
                case SetLocalPreference preference:
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $" set local-preference {preference.Value}"));
                    break;
                case SetMed med:
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $" set metric {med.Value}"));
                    break;
                case PrependAsPath prepend:
                    lines.Add(" set as-path prepend " + string.Join(' ', Enumerable.Repeat(prepend.Asn.ToString(CultureInfo.InvariantCulture), prepend.Count)));
                    break;
                case AddCommunity community:
                    lines.Add($" set community {community.Community} additive");
                    break;
                case DenyPrefix:
                    break;
                default:
                    throw new NotSupportedException($"policy action {action} has no FRR rendering");
            }
        }

        lines.Add("exit");
        return lines;
    }

    /// <summary>The route-map entry and prefix-list announcing one prefix from an ISP, with its AS path and MED.</summary>
    public static IReadOnlyList<string> Announcement(int sequence, Bgp.Prefixes.IpPrefix prefix, IReadOnlyList<uint> asPath, uint? med,
        IReadOnlyList<string>? communities = null)
    {
        ArgumentNullException.ThrowIfNull(asPath);
        var list = RoutePolicyNames.Announcement(sequence);
        var keyword = prefix.IsIPv6 ? "ipv6" : "ip";
        var lines = new List<string>
        {
            $"{keyword} prefix-list {list} seq 5 permit {prefix}",
            string.Create(CultureInfo.InvariantCulture, $"route-map {RoutePolicyNames.IspAnnouncements} permit {sequence}"),
            $" match {keyword} address prefix-list {list}",
        };
        if (asPath.Count > 0)
        {
            // Prepended in order, then the ISP's own AS goes in front on the wire: "1234 3356 13335".
            lines.Add(" set as-path prepend " + string.Join(' ', asPath.Select(a => a.ToString(CultureInfo.InvariantCulture))));
        }

        if (med is { } metric)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $" set metric {metric}"));
        }

        if (communities is { Count: > 0 })
        {
            lines.Add(" set community " + string.Join(' ', communities) + " additive");
        }

        lines.Add("exit");
        return lines;
    }
}
