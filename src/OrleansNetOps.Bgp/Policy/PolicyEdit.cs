using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// Maps a catalogue action onto a router's policy. Attribute actions become route-map entries on the
/// neighbour's route-map for the direction, laid out so that (a) routes the existing map denied stay denied,
/// (b) routes it permitted keep its sets, and (c) the action's sets are applied last and so win:
/// every permit entry that exited now jumps (<c>on-match goto</c>) to the action's entries at the end, and
/// a catch-all deny between them keeps the implicit deny. <c>PREFIX_FILTER</c> puts deny entries in front.
/// Session actions come back as a <see cref="SessionEdit"/>.
/// </summary>
public static class PolicyEdit
{
    private const long Max32 = uint.MaxValue;

    /// <summary>Validates <paramref name="parameters"/> and applies <paramref name="action"/> to <paramref name="existing"/>.</summary>
    /// <param name="action">The catalogue action.</param>
    /// <param name="parameters">Its params.</param>
    /// <param name="existing">The router's current policy.</param>
    /// <param name="localAsn">The router's AS: the default <c>prependAs</c>.</param>
    public static PolicyEditResult For(TwinAction action, ActionParameters parameters, RoutingPolicy existing, uint? localAsn = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new List<ParameterError>();
        var warnings = new List<string>();
        var peer = string.IsNullOrWhiteSpace(parameters.Peer) ? null : parameters.Peer.Trim();
        if (peer is null && action is not (TwinAction.NoAction or TwinAction.FullReroute))
        {
            errors.Add(new ParameterError("peer", $"is required for {TwinActionNames.Name(action)}"));
        }

        var session = action switch
        {
            TwinAction.PeerActivate => new SessionEdit(SessionEditKind.Activate, peer),
            TwinAction.PeerDeactivate => new SessionEdit(SessionEditKind.Deactivate, peer),
            TwinAction.Depeer => new SessionEdit(SessionEditKind.Remove, peer),
            TwinAction.IspFailover => new SessionEdit(SessionEditKind.Failover, peer),
            TwinAction.FullReroute => new SessionEdit(SessionEditKind.FullReroute, peer),
            TwinAction.NoAction => new SessionEdit(SessionEditKind.None, peer),
            _ => null,
        };
        if (session is not null)
        {
            return errors.Count > 0 ? Invalid(existing, errors) : new PolicyEditResult(existing, session, [], []);
        }

        var direction = ParseDirection(parameters.Direction, DefaultDirection(action), errors);
        var prefixes = ParsePrefixes(parameters.Prefixes, errors);
        var sets = new List<RouteMapSet>();
        var policy = existing;
        switch (action)
        {
            case TwinAction.LocalPrefAdjust:
                if (Required(parameters.LocalPref, "localPref", 0, Max32, errors) is { } localPref)
                {
                    sets.Add(new SetLocalPreference((uint)localPref));
                }

                if (direction == PolicyDirection.Out)
                {
                    warnings.Add("LOCAL_PREF set outbound only reaches iBGP peers; eBGP peers never receive it");
                }

                break;

            case TwinAction.MedAdjust:
                if (Required(parameters.Med, "med", 0, Max32, errors) is { } med)
                {
                    sets.Add(new SetMetric((uint)med));
                }

                break;

            case TwinAction.AsPathPrepend:
                var count = parameters.PrependCount is null ? 1 : Required(parameters.PrependCount, "prependCount", 1, 255, errors);
                long? prependAs = parameters.PrependAs is null ? localAsn : Required(parameters.PrependAs, "prependAs", 1, Max32, errors);
                if (parameters.PrependAs is null && localAsn is null)
                {
                    errors.Add(new ParameterError("prependAs", "is required when the router's AS is not known"));
                }

                if (count is { } c && prependAs is { } asn)
                {
                    sets.Add(new SetAsPathPrepend(Enumerable.Repeat((uint)asn, (int)c).ToArray()));
                }

                break;

            case TwinAction.NextHopChange:
                if (string.IsNullOrWhiteSpace(parameters.NextHop))
                {
                    errors.Add(new ParameterError("nextHop", "is required for NEXT_HOP_CHANGE"));
                }
                else if (!IPAddress.TryParse(parameters.NextHop.Trim(), out var nextHop))
                {
                    errors.Add(new ParameterError("nextHop", $"'{parameters.NextHop}' is not an IP address"));
                }
                else
                {
                    sets.Add(new SetNextHop(nextHop));
                }

                break;

            case TwinAction.CommunityTag:
                policy = CommunitySets(parameters, peer ?? string.Empty, direction, existing, sets, errors);
                break;

            case TwinAction.PrefixFilter:
                if (prefixes is null && !errors.Any(e => e.Parameter.StartsWith("prefixes", StringComparison.Ordinal)))
                {
                    errors.Add(new ParameterError("prefixes", "is required for PREFIX_FILTER"));
                }

                var remove = ParseMode(parameters.Mode, "add", ["add", "remove"], errors) == "remove";
                if (errors.Count > 0 || prefixes is null)
                {
                    return Invalid(existing, errors);
                }

                var filtered = Filter(existing, peer!, direction, prefixes, remove, warnings);
                return new PolicyEditResult(filtered, null, [], [.. warnings]);
        }

        if (errors.Count > 0)
        {
            return Invalid(existing, errors);
        }

        return new PolicyEditResult(Override(policy, peer!, direction, prefixes, sets, warnings), null, [], [.. warnings]);
    }

    // Attribute actions act where the attribute matters: LOCAL_PREF and next hop on import, what the
    // neighbour sees (MED, communities, prepends) on export.
    private static PolicyDirection DefaultDirection(TwinAction action) =>
        action is TwinAction.LocalPrefAdjust or TwinAction.NextHopChange or TwinAction.PrefixFilter ? PolicyDirection.In : PolicyDirection.Out;

    private static PolicyEditResult Invalid(RoutingPolicy existing, List<ParameterError> errors) =>
        new(existing, null, [.. errors], []);

    private static long? Required(long? value, string name, long min, long max, List<ParameterError> errors)
    {
        if (value is not { } v)
        {
            errors.Add(new ParameterError(name, "is required"));
            return null;
        }

        if (v < min || v > max)
        {
            errors.Add(new ParameterError(name, string.Create(CultureInfo.InvariantCulture, $"{v} is out of range {min}..{max}")));
            return null;
        }

        return v;
    }

    private static PolicyDirection ParseDirection(string? text, PolicyDirection fallback, List<ParameterError> errors)
    {
        switch (text?.Trim())
        {
            case null or "":
                return fallback;
            case "in":
                return PolicyDirection.In;
            case "out":
                return PolicyDirection.Out;
            default:
                errors.Add(new ParameterError("direction", $"'{text}' is not one of in, out"));
                return fallback;
        }
    }

    private static string ParseMode(string? text, string fallback, string[] allowed, List<ParameterError> errors)
    {
        var mode = string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();
        if (!allowed.Contains(mode))
        {
            errors.Add(new ParameterError("mode", $"'{text}' is not one of {string.Join(", ", allowed)}"));
        }

        return mode;
    }

    private static List<IpPrefix>? ParsePrefixes(ImmutableArray<string>? texts, List<ParameterError> errors)
    {
        if (texts is not { } list)
        {
            return null;
        }

        var prefixes = new List<IpPrefix>();
        for (var i = 0; i < list.Length; i++)
        {
            if (IpPrefix.TryParse(list[i]?.Trim(), out var prefix))
            {
                prefixes.Add(prefix);
            }
            else
            {
                errors.Add(new ParameterError($"prefixes[{i}]", $"'{list[i]}' is not an IP prefix"));
            }
        }

        if (list.IsEmpty)
        {
            errors.Add(new ParameterError("prefixes", "is empty; omit it to mean all prefixes"));
        }

        return prefixes;
    }

    private static RoutingPolicy CommunitySets(ActionParameters parameters, string peer, PolicyDirection direction, RoutingPolicy policy, List<RouteMapSet> sets, List<ParameterError> errors)
    {
        var mode = ParseMode(parameters.Mode, "add", ["add", "remove", "replace"], errors);
        if (string.IsNullOrWhiteSpace(parameters.Community))
        {
            errors.Add(new ParameterError("community", "is required for COMMUNITY_TAG"));
            return policy;
        }

        var standard = new List<Community>();
        var large = new List<LargeCommunity>();
        foreach (var token in parameters.Community.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (CommunityText.TryParse(token, out var community))
            {
                standard.Add(community);
            }
            else if (CommunityText.TryParseLarge(token, out var largeCommunity))
            {
                large.Add(largeCommunity);
            }
            else
            {
                errors.Add(new ParameterError("community", $"'{token}' is not a community (AA:NN, a well-known name, or G:L1:L2)"));
            }
        }

        if (errors.Count > 0)
        {
            return policy;
        }

        if (mode == "remove")
        {
            // set comm-list NAME delete removes what a list permits; one value per entry keeps it exact.
            var stem = $"NETOPS-{Slug(peer)}-{Suffix(direction)}-DEL";
            if (standard.Count > 0)
            {
                var name = Unique(policy.CommunityLists, stem);
                policy = policy.With(new CommunityList(name, standard.Select((c, i) => new CommunityListEntry((i + 1) * 5, AccessAction.Permit, new[] { c }))));
                sets.Add(new DeleteCommunities(name));
            }

            if (large.Count > 0)
            {
                var name = Unique(policy.LargeCommunityLists, stem);
                policy = policy.With(new LargeCommunityList(name, large.Select((c, i) => new LargeCommunityListEntry((i + 1) * 5, AccessAction.Permit, new[] { c }))));
                sets.Add(new DeleteLargeCommunities(name));
            }

            return policy;
        }

        var additive = mode == "add";
        if (standard.Count > 0)
        {
            sets.Add(new SetCommunities(standard.ToArray(), additive));
        }

        if (large.Count > 0)
        {
            sets.Add(new SetLargeCommunities(large.ToArray(), additive));
        }

        return policy;
    }

    private static RoutingPolicy Override(RoutingPolicy policy, string peer, PolicyDirection direction, List<IpPrefix>? prefixes, List<RouteMapSet> sets, List<string> warnings)
    {
        var binding = policy.PeerBinding(peer);
        if (!TryResolveMap(policy, peer, direction, binding, warnings, out var mapName, out var map))
        {
            return policy;
        }

        var entries = new List<RouteMapEntry>();
        int first;
        if (map is null)
        {
            first = 10;
        }
        else
        {
            var max = map.Entries.IsEmpty ? 0 : map.Entries[^1].Sequence;
            var catchAll = ((max / 10) + 1) * 10;
            first = catchAll + 10;
            entries.AddRange(map.Entries.Select(e => Redirect(e, max, first)));
            if (map.Entries.Any(e => e.Action == AccessAction.Permit && e.OnMatch == OnMatch.Next && e.Sequence != max))
            {
                warnings.Add($"route-map {mapName} uses on-match next; a route that matches such an entry and no later one is now denied instead of permitted");
            }

            // Keeps the implicit deny: routes that matched no original entry stop here, before the action.
            entries.Add(new RouteMapEntry(catchAll, AccessAction.Deny));
        }

        var sequence = first;
        if (prefixes is null)
        {
            entries.Add(new RouteMapEntry(sequence, AccessAction.Permit) { Sets = [.. sets] });
        }
        else
        {
            foreach (var isIPv6 in new[] { false, true })
            {
                var family = prefixes.Where(p => p.IsIPv6 == isIPv6).ToList();
                if (family.Count == 0)
                {
                    continue;
                }

                var listName = Unique(isIPv6 ? policy.IPv6PrefixLists : policy.PrefixLists, $"NETOPS-{Slug(peer)}-{Suffix(direction)}-{sequence}");
                policy = policy.With(new PrefixList(listName, isIPv6, family.Select((p, i) => new PrefixListEntry((i + 1) * 5, AccessAction.Permit, p))));
                entries.Add(new RouteMapEntry(sequence, AccessAction.Permit) { Matches = [new MatchPrefixList(listName, isIPv6)], Sets = [.. sets] });
                sequence += 10;
            }

            // Routes that reached the action's entries were permitted before; those it does not cover stay so.
            entries.Add(new RouteMapEntry(sequence, AccessAction.Permit));
        }

        return policy.With(new RouteMap(mapName, entries)).WithPeer(peer, binding.WithRouteMap(direction, mapName));
    }

    private static RouteMapEntry Redirect(RouteMapEntry entry, int max, int target)
    {
        if (entry.Action == AccessAction.Deny)
        {
            return entry;
        }

        return entry.OnMatch switch
        {
            OnMatch.Exit => entry with { OnMatch = OnMatch.Goto, GotoSequence = target },
            OnMatch.Goto when entry.GotoSequence > max => entry with { GotoSequence = target },
            OnMatch.Next when entry.Sequence == max => entry with { OnMatch = OnMatch.Goto, GotoSequence = target },
            _ => entry,
        };
    }

    private static RoutingPolicy Filter(RoutingPolicy policy, string peer, PolicyDirection direction, List<IpPrefix> prefixes, bool remove, List<string> warnings)
    {
        var binding = policy.PeerBinding(peer);
        if (!TryResolveMap(policy, peer, direction, binding, warnings, out var mapName, out var map))
        {
            return policy;
        }

        var entries = map?.Entries.ToList() ?? [new RouteMapEntry(10, AccessAction.Permit)];
        foreach (var isIPv6 in new[] { false, true })
        {
            var family = prefixes.Where(p => p.IsIPv6 == isIPv6).ToList();
            if (family.Count == 0)
            {
                continue;
            }

            var listName = $"NETOPS-FILTER-{Slug(peer)}-{Suffix(direction)}";
            var list = policy.FindPrefixList(listName, isIPv6);
            var existingEntries = list?.Entries.ToList() ?? [];
            if (remove)
            {
                var kept = existingEntries.Where(e => !family.Contains(e.Prefix)).ToList();
                if (kept.Count == existingEntries.Count)
                {
                    warnings.Add($"none of the {(isIPv6 ? "IPv6" : "IPv4")} prefixes are filtered on {peer} {Suffix(direction).ToLowerInvariant()}");
                    continue;
                }

                if (kept.Count == 0)
                {
                    // An empty FRR prefix-list permits everything, so the deny entry would drop all routes:
                    // the list and its entry go together.
                    policy = isIPv6
                        ? policy with { IPv6PrefixLists = policy.IPv6PrefixLists.Remove(listName) }
                        : policy with { PrefixLists = policy.PrefixLists.Remove(listName) };
                    entries.RemoveAll(e => IsFilterEntry(e, listName, isIPv6));
                }
                else
                {
                    policy = policy.With(new PrefixList(listName, isIPv6, kept));
                }

                continue;
            }

            var next = list?.NextSequence ?? 5;
            foreach (var prefix in family.Where(p => existingEntries.All(e => e.Prefix != p)))
            {
                existingEntries.Add(new PrefixListEntry(next, AccessAction.Permit, prefix));
                next += 5;
            }

            policy = policy.With(new PrefixList(listName, isIPv6, existingEntries));
            if (!entries.Any(e => IsFilterEntry(e, listName, isIPv6)))
            {
                entries = InFront(entries, new RouteMapEntry(0, AccessAction.Deny) { Matches = [new MatchPrefixList(listName, isIPv6)] });
            }
        }

        return policy.With(new RouteMap(mapName, entries)).WithPeer(peer, binding.WithRouteMap(direction, mapName));
    }

    private static bool IsFilterEntry(RouteMapEntry entry, string listName, bool isIPv6) =>
        entry.Action == AccessAction.Deny && entry.Matches is [MatchPrefixList match] && match.ListName == listName && match.IsIPv6 == isIPv6;

    // Puts an entry before all others, renumbering by ten (goto targets too) when sequence 1 is taken.
    private static List<RouteMapEntry> InFront(List<RouteMapEntry> entries, RouteMapEntry entry)
    {
        var ordered = entries.OrderBy(e => e.Sequence).ToList();
        if (ordered.Count > 0 && ordered[0].Sequence <= 1)
        {
            ordered = ordered.Select(e => e with { Sequence = e.Sequence * 10, GotoSequence = e.GotoSequence * 10 }).ToList();
        }

        var min = ordered.Count == 0 ? 20 : ordered[0].Sequence;
        ordered.Insert(0, entry with { Sequence = Math.Max(1, min / 2) });
        return ordered;
    }

    private static bool TryResolveMap(RoutingPolicy policy, string peer, PolicyDirection direction, PeerPolicy binding, List<string> warnings, out string mapName, out RouteMap? map)
    {
        map = null;
        if (binding.RouteMap(direction) is { } bound)
        {
            mapName = bound;
            if (policy.RouteMaps.TryGetValue(bound, out map))
            {
                return true;
            }

            warnings.Add($"route-map {bound} is bound {Suffix(direction).ToLowerInvariant()} on {peer} but not defined, so FRR denies every route; the edit changes nothing");
            return false;
        }

        mapName = Unique(policy.RouteMaps, $"NETOPS-{Slug(peer)}-{Suffix(direction)}");
        return true;
    }

    private static string Suffix(PolicyDirection direction) => direction == PolicyDirection.In ? "IN" : "OUT";

    private static string Slug(string peer)
    {
        var builder = new StringBuilder(peer.Length);
        foreach (var c in peer.ToUpperInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return builder.ToString();
    }

    private static string Unique<T>(ImmutableSortedDictionary<string, T> existing, string stem)
    {
        var name = stem;
        for (var i = 2; existing.ContainsKey(name); i++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{stem}-{i}");
        }

        return name;
    }
}
