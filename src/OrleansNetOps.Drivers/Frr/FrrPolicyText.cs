using System.Globalization;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Drivers.Frr;

/// <summary>
/// The twin's policy objects written exactly as FRR 8.4's <c>show running-config</c> prints them, so that a rendered
/// line can be looked up in a running configuration and a removed one negated with <c>no</c>.
/// </summary>
public static class FrrPolicyText
{
    /// <summary>One line per entry: <c>ip prefix-list NAME seq 5 permit 8.8.8.0/24</c>.</summary>
    public static IEnumerable<string> Lines(PrefixList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var keyword = list.IsIPv6 ? "ipv6" : "ip";
        foreach (var entry in list.Entries)
        {
            var any = entry.Prefix.Length == 0 && entry.GreaterEqual is null && entry.LessEqual == entry.Prefix.MaxLength;
            var tail = any
                ? "any"
                : entry.Prefix + (entry.GreaterEqual is { } ge ? Invariant($" ge {ge}") : string.Empty) + (entry.LessEqual is { } le ? Invariant($" le {le}") : string.Empty);
            yield return Invariant($"{keyword} prefix-list {list.Name} seq {entry.Sequence} {Action(entry.Action)} {tail}");
        }
    }

    /// <summary><c>bgp as-path access-list NAME seq 5 permit ^$</c>.</summary>
    public static IEnumerable<string> Lines(AsPathAccessList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Entries.Select(e => Invariant($"bgp as-path access-list {list.Name} seq {e.Sequence} {Action(e.Action)} {e.Pattern}"));
    }

    /// <summary><c>bgp community-list standard NAME seq 5 permit 65001:100</c>.</summary>
    public static IEnumerable<string> Lines(CommunityList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Entries.Select(e => Invariant($"bgp community-list standard {list.Name} seq {e.Sequence} {Action(e.Action)} {Communities(e.Values)}"));
    }

    /// <summary><c>bgp large-community-list standard NAME seq 5 permit 65001:1:2</c>.</summary>
    public static IEnumerable<string> Lines(LargeCommunityList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Entries.Select(e => Invariant($"bgp large-community-list standard {list.Name} seq {e.Sequence} {Action(e.Action)} {string.Join(' ', e.Values)}"));
    }

    /// <summary><c>route-map NAME permit 10</c>.</summary>
    public static string Header(string mapName, RouteMapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Invariant($"route-map {mapName} {Action(entry.Action)} {entry.Sequence}");
    }

    /// <summary>The lines inside a route-map entry: its matches, its sets and its exit policy.</summary>
    public static IEnumerable<string> Lines(RouteMapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var match in entry.Matches)
        {
            yield return Line(match);
        }

        foreach (var set in entry.Sets)
        {
            yield return Line(set);
        }

        if (entry.Action == AccessAction.Permit)
        {
            switch (entry.OnMatch)
            {
                case OnMatch.Next:
                    yield return "on-match next";
                    break;
                case OnMatch.Goto when entry.GotoSequence is { } target:
                    yield return Invariant($"on-match goto {target}");
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>A match clause.</summary>
    public static string Line(RouteMapMatch match) => match switch
    {
        MatchPrefixList m => $"match {(m.IsIPv6 ? "ipv6" : "ip")} address prefix-list {m.ListName}",
        MatchAsPath m => $"match as-path {m.ListName}",
        MatchCommunity m => $"match community {m.ListName}{(m.ExactMatch ? " exact-match" : string.Empty)}",
        MatchLargeCommunity m => $"match large-community {m.ListName}{(m.ExactMatch ? " exact-match" : string.Empty)}",
        null => throw new ArgumentNullException(nameof(match)),
        _ => throw new NotSupportedException($"{match.GetType().Name} has no FRR rendering"),
    };

    /// <summary>A set clause.</summary>
    public static string Line(RouteMapSet set) => set switch
    {
        SetLocalPreference s => $"set local-preference {Value(s.Value, s.Operation)}",
        SetMetric s => $"set metric {Value(s.Value, s.Operation)}",
        SetAsPathPrepend { LastAsCount: > 0 } s => Invariant($"set as-path prepend last-as {s.LastAsCount}"),
        SetAsPathPrepend s => "set as-path prepend " + string.Join(' ', s.Asns.Select(a => a.ToString(CultureInfo.InvariantCulture))),
        SetCommunities { Values.IsEmpty: true, Additive: false } => "set community none",
        SetCommunities s => $"set community {Communities(s.Values)}{(s.Additive ? " additive" : string.Empty)}",
        SetLargeCommunities { Values.IsEmpty: true, Additive: false } => "set large-community none",
        SetLargeCommunities s => $"set large-community {string.Join(' ', s.Values.Distinct().OrderBy(c => c.GlobalAdministrator).ThenBy(c => c.LocalData1).ThenBy(c => c.LocalData2))}{(s.Additive ? " additive" : string.Empty)}",
        DeleteCommunities s => $"set comm-list {s.ListName} delete",
        DeleteLargeCommunities s => $"set large-comm-list {s.ListName} delete",
        SetNextHop s when s.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 => $"set ipv6 next-hop global {s.Address}",
        SetNextHop s => $"set ip next-hop {s.Address}",
        SetWeight s => Invariant($"set weight {s.Value}"),
        null => throw new ArgumentNullException(nameof(set)),
        _ => throw new NotSupportedException($"{set.GetType().Name} has no FRR rendering"),
    };

    /// <summary>A neighbour's route-map binding: <c>neighbor 203.0.113.2 route-map RM-ISP-A-IN in</c>.</summary>
    public static string RouteMapBinding(string neighbor, string mapName, PolicyDirection direction) =>
        $"neighbor {neighbor} route-map {mapName} {Direction(direction)}";

    /// <summary>A neighbour's prefix-list binding: <c>neighbor 203.0.113.2 prefix-list NAME in</c>.</summary>
    public static string PrefixListBinding(string neighbor, string listName, PolicyDirection direction) =>
        $"neighbor {neighbor} prefix-list {listName} {Direction(direction)}";

    /// <summary><c>in</c> or <c>out</c>.</summary>
    public static string Direction(PolicyDirection direction) => direction == PolicyDirection.In ? "in" : "out";

    /// <summary>Community values as FRR prints them: de-duplicated, ascending, well-known ones by name.</summary>
    public static string Communities(IEnumerable<Community> values) =>
        string.Join(' ', values.Distinct().OrderBy(c => c.Value).Select(Community));

    /// <summary>One community as FRR prints it (<c>no-export</c>, <c>65001:100</c>).</summary>
    public static string Community(Community value) => value.Value switch
    {
        0 => "internet",
        0xFFFF0000 => "graceful-shutdown",
        0xFFFF0001 => "accept-own",
        0xFFFF0006 => "llgr-stale",
        0xFFFF0007 => "no-llgr",
        0xFFFF029A => "blackhole",
        0xFFFFFF01 => "no-export",
        0xFFFFFF02 => "no-advertise",
        0xFFFFFF03 => "local-AS",
        0xFFFFFF04 => "no-peer",
        _ => value.ToString(),
    };

    private static string Action(AccessAction action) => action == AccessAction.Permit ? "permit" : "deny";

    private static string Value(uint value, ValueOperation operation) => operation switch
    {
        ValueOperation.Add => Invariant($"+{value}"),
        ValueOperation.Subtract => Invariant($"-{value}"),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
