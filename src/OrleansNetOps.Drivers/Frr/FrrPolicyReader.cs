using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using OrleansNetOps.Bgp;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Drivers.Frr;

/// <summary>
/// Reads an FRR configuration into the twin's policy model (<see cref="RoutingPolicy"/>), the inverse of
/// <see cref="FrrPolicyText"/>: prefix-lists, AS-path lists, standard (large) community lists, route-maps, and
/// the default BGP instance's neighbours with their bindings. Lines it cannot model become warnings; the driver
/// never removes them.
/// </summary>
public static class FrrPolicyReader
{
    private const string Ipv4Unicast = "ipv4 unicast";
    private const string Ipv6Unicast = "ipv6 unicast";

    /// <summary>Reads <paramref name="text"/> (a <c>show running-config</c>).</summary>
    /// <param name="text">The configuration.</param>
    /// <param name="neighborNames">Topology ids by neighbour address; they become the policy's peer keys.</param>
    public static FrrRouterConfig Read(string text, IReadOnlyDictionary<string, string>? neighborNames = null) =>
        Read(FrrRunningConfig.Parse(text), neighborNames);

    /// <summary>Reads a parsed configuration.</summary>
    public static FrrRouterConfig Read(FrrRunningConfig config, IReadOnlyDictionary<string, string>? neighborNames = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var warnings = new List<string>();
        var prefixLists = new Dictionary<(string, bool), List<PrefixListEntry>>();
        var asPathLists = new Dictionary<string, List<AsPathAccessListEntry>>(StringComparer.Ordinal);
        var communityLists = new Dictionary<string, List<CommunityListEntry>>(StringComparer.Ordinal);
        var largeLists = new Dictionary<string, List<LargeCommunityListEntry>>(StringComparer.Ordinal);
        var routeMaps = new Dictionary<string, List<RouteMapEntry>>(StringComparer.Ordinal);
        FrrConfigNode? bgp = null;

        foreach (var node in config.Nodes)
        {
            var tokens = Tokens(node.Text);
            var at = Invariant($"line {node.LineNumber}");
            switch (tokens)
            {
                case ["ip" or "ipv6", "prefix-list", _, "description", ..]:
                    break;
                case ["ip" or "ipv6", "prefix-list", var name, ..]:
                    if (PrefixEntry(tokens, tokens[0] == "ipv6") is { } prefixEntry)
                    {
                        Add(prefixLists, (name, tokens[0] == "ipv6"), prefixEntry);
                    }
                    else
                    {
                        warnings.Add($"{at}: '{node.Text}' is not a prefix-list entry the driver can read");
                    }

                    break;
                case ["bgp", "as-path", "access-list", var name, "seq", var seq, var action, .. var regex] when regex.Length > 0:
                    if (Sequence(seq) is { } asSeq && Access(action) is { } asAction)
                    {
                        Add(asPathLists, name, new AsPathAccessListEntry(asSeq, asAction, string.Join(' ', regex)));
                    }

                    break;
                case ["bgp", "community-list", "standard", var name, "seq", var seq, var action, .. var values] when values.Length > 0:
                    if (Sequence(seq) is { } cSeq && Access(action) is { } cAction && ParseCommunities(values) is { } communities)
                    {
                        Add(communityLists, name, new CommunityListEntry(cSeq, cAction, communities));
                    }
                    else
                    {
                        warnings.Add($"{at}: '{node.Text}' is not a community-list entry the driver can read");
                    }

                    break;
                case ["bgp", "large-community-list", "standard", var name, "seq", var seq, var action, .. var values] when values.Length > 0:
                    if (Sequence(seq) is { } lSeq && Access(action) is { } lAction && ParseLargeCommunities(values) is { } large)
                    {
                        Add(largeLists, name, new LargeCommunityListEntry(lSeq, lAction, large));
                    }
                    else
                    {
                        warnings.Add($"{at}: '{node.Text}' is not a large-community-list entry the driver can read");
                    }

                    break;
                case ["bgp", "community-list" or "large-community-list", ..]:
                    warnings.Add($"{at}: '{node.Text}' (expanded or numbered list) is not modelled; the twin treats matches on it as no match");
                    break;
                case ["route-map", var name, var action, var seq]:
                    if (Access(action) is { } mapAction && Sequence(seq) is { } mapSeq)
                    {
                        Add(routeMaps, name, Entry(node, mapSeq, mapAction, warnings));
                    }

                    break;
                case ["router", "bgp", _] when bgp is null:
                    bgp = node;
                    break;
                default:
                    break;
            }
        }

        var policy = RoutingPolicy.Empty;
        foreach (var ((name, ipv6), entries) in prefixLists)
        {
            policy = policy.With(new PrefixList(name, ipv6, entries));
        }

        foreach (var (name, entries) in asPathLists)
        {
            policy = policy.With(new AsPathAccessList(name, entries));
        }

        foreach (var (name, entries) in communityLists)
        {
            policy = policy.With(new CommunityList(name, entries));
        }

        foreach (var (name, entries) in largeLists)
        {
            policy = policy.With(new LargeCommunityList(name, entries));
        }

        foreach (var (name, entries) in routeMaps)
        {
            policy = policy.With(new RouteMap(name, entries));
        }

        uint? asn = bgp is not null && uint.TryParse(Tokens(bgp.Text)[2], NumberStyles.None, CultureInfo.InvariantCulture, out var parsedAsn) ? parsedAsn : null;
        var neighbors = bgp is null ? [] : Neighbors(bgp, neighborNames, warnings, ref policy);
        return new FrrRouterConfig(config, bgp?.Text, asn, neighbors, policy, [.. warnings]);
    }

    private static ImmutableArray<FrrNeighbor> Neighbors(FrrConfigNode bgp, IReadOnlyDictionary<string, string>? names, List<string> warnings, ref RoutingPolicy policy)
    {
        var order = new List<string>();
        var remoteAs = new Dictionary<string, string>(StringComparer.Ordinal);
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        var shutdown = new HashSet<string>(StringComparer.Ordinal);
        var groupNames = new HashSet<string>(StringComparer.Ordinal);
        var defaultIpv4 = true;
        var families = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var deactivated = new HashSet<string>(StringComparer.Ordinal);
        var bindings = new Dictionary<(string Neighbor, string Family), PeerPolicy>();

        foreach (var line in bgp.Children)
        {
            var tokens = Tokens(line.Text);
            switch (tokens)
            {
                case ["no", "bgp", "default", "ipv4-unicast"]:
                    defaultIpv4 = false;
                    break;
                case ["neighbor", var group, "peer-group"]:
                    groupNames.Add(group);
                    break;
                // Before remote-as: a description may contain any word.
                case ["neighbor", var address, "description", .. var text]:
                    descriptions[address] = string.Join(' ', text);
                    break;
                case ["neighbor", var address, .. var rest] when Array.IndexOf(rest, "remote-as") is var i and >= 0 && i + 1 < rest.Length:
                    if (!remoteAs.ContainsKey(address))
                    {
                        order.Add(address);
                    }

                    remoteAs[address] = rest[i + 1];
                    break;
                case ["neighbor", var address, "peer-group", var group]:
                    groups[address] = group;
                    if (!remoteAs.ContainsKey(address) && !order.Contains(address))
                    {
                        order.Add(address);
                    }

                    break;
                case ["neighbor", var address, "shutdown", ..]:
                    shutdown.Add(address);
                    break;
                case ["address-family", var afi, var safi]:
                    var family = $"{afi} {safi}";
                    foreach (var afLine in line.Children)
                    {
                        switch (Tokens(afLine.Text))
                        {
                            case ["neighbor", var address, "activate"]:
                                Add(families, address, family);
                                break;
                            case ["no", "neighbor", var address, "activate"]:
                                deactivated.Add($"{address}|{family}");
                                break;
                            case ["neighbor", var address, "route-map", var map, var direction and ("in" or "out")]:
                                var current = bindings.GetValueOrDefault((address, family)) ?? PeerPolicy.None;
                                bindings[(address, family)] = current.WithRouteMap(direction == "in" ? PolicyDirection.In : PolicyDirection.Out, map);
                                break;
                            case ["neighbor", var address, "prefix-list", var list, var direction and ("in" or "out")]:
                                var existing = bindings.GetValueOrDefault((address, family)) ?? PeerPolicy.None;
                                bindings[(address, family)] = direction == "in" ? existing with { PrefixListIn = list } : existing with { PrefixListOut = list };
                                break;
                            default:
                                break;
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        var result = ImmutableArray.CreateBuilder<FrrNeighbor>();
        foreach (var address in order.Where(a => !groupNames.Contains(a)))
        {
            var active = families.GetValueOrDefault(address)?.ToList() ?? [];
            if (defaultIpv4 && !active.Contains(Ipv4Unicast) && !deactivated.Contains($"{address}|{Ipv4Unicast}"))
            {
                active.Insert(0, Ipv4Unicast);
            }

            var name = names?.GetValueOrDefault(address) ?? descriptions.GetValueOrDefault(address) ?? address;
            var neighbor = new FrrNeighbor(address, name, remoteAs.GetValueOrDefault(address), descriptions.GetValueOrDefault(address),
                shutdown.Contains(address), groups.GetValueOrDefault(address), [.. active.OrderBy(f => f == Ipv4Unicast ? 0 : f == Ipv6Unicast ? 1 : 2).ThenBy(f => f, StringComparer.Ordinal)]);
            result.Add(neighbor);

            var perFamily = neighbor.Families.Select(f => bindings.GetValueOrDefault((address, f)) ?? PeerPolicy.None).Distinct().ToList();
            if (perFamily.Count > 1)
            {
                warnings.Add($"neighbor {address} ({name}) binds different policies per address family; the model uses the {neighbor.Families[0]} ones");
            }

            if (neighbor.PeerGroup is { } group)
            {
                warnings.Add($"neighbor {address} ({name}) is in peer-group {group}: policy bound to the group is not modelled");
            }

            if (perFamily.Count > 0 && perFamily[0] != PeerPolicy.None)
            {
                policy = policy.WithPeer(name, perFamily[0]);
            }
        }

        return result.ToImmutable();
    }

    private static RouteMapEntry Entry(FrrConfigNode node, int sequence, AccessAction action, List<string> warnings)
    {
        var matches = new List<RouteMapMatch>();
        var sets = new List<RouteMapSet>();
        var onMatch = OnMatch.Exit;
        int? gotoSequence = null;
        foreach (var line in node.Children)
        {
            var tokens = Tokens(line.Text);
            RouteMapMatch? match = tokens switch
            {
                ["match", "ip", "address", "prefix-list", var list] => new MatchPrefixList(list),
                ["match", "ipv6", "address", "prefix-list", var list] => new MatchPrefixList(list, IsIPv6: true),
                ["match", "as-path", var list] => new MatchAsPath(list),
                ["match", "community", var list] => new MatchCommunity(list),
                ["match", "community", var list, "exact-match"] => new MatchCommunity(list, ExactMatch: true),
                ["match", "large-community", var list] => new MatchLargeCommunity(list),
                ["match", "large-community", var list, "exact-match"] => new MatchLargeCommunity(list, ExactMatch: true),
                _ => null,
            };
            if (match is not null)
            {
                matches.Add(match);
                continue;
            }

            if (Set(tokens) is { } set)
            {
                sets.Add(set);
                continue;
            }

            switch (tokens)
            {
                case ["on-match", "next"] or ["continue"]:
                    onMatch = OnMatch.Next;
                    break;
                case ["on-match", "goto", var target] when Sequence(target) is { } to:
                    onMatch = OnMatch.Goto;
                    gotoSequence = to;
                    break;
                case ["continue", var target] when Sequence(target) is { } to:
                    onMatch = OnMatch.Goto;
                    gotoSequence = to;
                    break;
                case ["description", ..]:
                    break;
                default:
                    warnings.Add($"{node.Text}: '{line.Text}' (line {line.LineNumber}) is not modelled; it is left as it is and the twin does not see its effect");
                    break;
            }
        }

        return new RouteMapEntry(sequence, action) { Matches = [.. matches], Sets = [.. sets], OnMatch = onMatch, GotoSequence = gotoSequence };
    }

    private static RouteMapSet? Set(string[] tokens) => tokens switch
    {
        ["set", "local-preference", var value] when Value(value) is { } v => new SetLocalPreference(v.Value, v.Operation),
        ["set", "metric", var value] when Value(value) is { } v => new SetMetric(v.Value, v.Operation),
        ["set", "weight", var value] when uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) => new SetWeight(weight),
        ["set", "as-path", "prepend", "last-as", var count] when int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => new SetAsPathPrepend(EquatableArray<uint>.Empty, n),
        ["set", "as-path", "prepend", .. var asns] when asns.Length > 0 && asns.All(a => uint.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out _)) =>
            new SetAsPathPrepend(asns.Select(a => uint.Parse(a, CultureInfo.InvariantCulture)).ToArray()),
        ["set", "community", "none"] => SetCommunities.None,
        ["set", "community", .. var values] when values.Length > 0 && ParseCommunities(values[^1] == "additive" ? values[..^1] : values) is { } c =>
            new SetCommunities(c, values[^1] == "additive"),
        ["set", "large-community", "none"] => SetLargeCommunities.None,
        ["set", "large-community", .. var values] when values.Length > 0 && ParseLargeCommunities(values[^1] == "additive" ? values[..^1] : values) is { } l =>
            new SetLargeCommunities(l, values[^1] == "additive"),
        ["set", "comm-list", var list, "delete"] => new DeleteCommunities(list),
        ["set", "large-comm-list", var list, "delete"] => new DeleteLargeCommunities(list),
        ["set", "ip", "next-hop", var address] when IPAddress.TryParse(address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork => new SetNextHop(ip),
        ["set", "ipv6", "next-hop", "global", var address] when IPAddress.TryParse(address, out var ip6) => new SetNextHop(ip6),
        _ => null,
    };

    private static PrefixListEntry? PrefixEntry(string[] tokens, bool ipv6)
    {
        if (tokens is not [_, "prefix-list", _, "seq", var seq, var action, var prefixText, .. var rest]
            || Sequence(seq) is not { } sequence || Access(action) is not { } access)
        {
            return null;
        }

        if (prefixText == "any" && rest.Length == 0)
        {
            var all = ipv6 ? IpPrefix.Parse("::/0") : IpPrefix.Parse("0.0.0.0/0");
            return new PrefixListEntry(sequence, access, all, null, all.MaxLength);
        }

        if (!IpPrefix.TryParse(prefixText, out var prefix) || prefix.IsIPv6 != ipv6)
        {
            return null;
        }

        int? ge = null;
        int? le = null;
        for (var i = 0; i + 1 < rest.Length; i += 2)
        {
            if (!int.TryParse(rest[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return null;
            }

            switch (rest[i])
            {
                case "ge": ge = length; break;
                case "le": le = length; break;
                default: return null;
            }
        }

        return rest.Length % 2 == 0 ? new PrefixListEntry(sequence, access, prefix, ge, le) : null;
    }

    private delegate bool TryParser<T>(string? text, out T value);

    private static Community[]? ParseCommunities(IEnumerable<string> values) => ParseAll<Community>(values, CommunityText.TryParse);

    private static LargeCommunity[]? ParseLargeCommunities(IEnumerable<string> values) => ParseAll<LargeCommunity>(values, CommunityText.TryParseLarge);

    // All or nothing: one value that does not parse makes the whole line unreadable.
    private static T[]? ParseAll<T>(IEnumerable<string> values, TryParser<T> parse)
    {
        var result = new List<T>();
        foreach (var value in values)
        {
            if (!parse(value, out var parsed))
            {
                return null;
            }

            result.Add(parsed);
        }

        return [.. result];
    }

    private static (uint Value, ValueOperation Operation)? Value(string text)
    {
        var operation = text.StartsWith('+') ? ValueOperation.Add : text.StartsWith('-') ? ValueOperation.Subtract : ValueOperation.Set;
        var digits = operation == ValueOperation.Set ? text : text[1..];
        return uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? (value, operation) : null;
    }

    private static int? Sequence(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static AccessAction? Access(string text) => text switch
    {
        "permit" => AccessAction.Permit,
        "deny" => AccessAction.Deny,
        _ => null,
    };

    private static string[] Tokens(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }

    private static void Add(Dictionary<string, HashSet<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            map[key] = set;
        }

        set.Add(value);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
