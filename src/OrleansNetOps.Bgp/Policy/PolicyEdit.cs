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
        var plan = Plan(action, parameters, localAsn);
        if (plan.Errors.Count > 0)
        {
            return Invalid(existing, plan.Errors);
        }

        if (plan.Session is not null)
        {
            return new PolicyEditResult(existing, plan.Session, [], []);
        }

        var policy = Render(plan, existing, plan.Warnings);
        return new PolicyEditResult(policy, null, [], [.. plan.Warnings]);
    }

    /// <summary>
    /// Validates and applies many actions to one router's policy in one go, with the outcome of applying them one
    /// after the other with <see cref="For"/> (same routes permitted or denied, same attributes) at a cost that grows
    /// linearly with the edits: consecutive edits of one neighbour's route-map become one stage whose entries each
    /// carry the combined sets of a group of prefixes, instead of one stage (and one copy of the map) per edit.
    /// A neighbour's map that only one edit touches gets exactly what <see cref="For"/> gives.
    /// </summary>
    /// <param name="edits">The actions in order; session actions are validated and returned, they do not edit the policy.</param>
    /// <param name="existing">The router's current policy.</param>
    /// <param name="localAsn">The router's AS: the default <c>prependAs</c>.</param>
    /// <returns>The policy after every valid edit, and per edit its errors, warnings and session edit (each result's
    /// <see cref="PolicyEditResult.Policy"/> is that final policy).</returns>
    public static PolicyBatchResult ForAll(IReadOnlyList<(TwinAction Action, ActionParameters Parameters)> edits, RoutingPolicy existing, uint? localAsn = null)
    {
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(existing);
        var plans = new EditPlan[edits.Count];
        var groups = new Dictionary<(string Peer, PolicyDirection Direction), List<EditPlan>>();
        var order = new List<(string Peer, PolicyDirection Direction)>();
        for (var i = 0; i < edits.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(edits[i].Parameters);
            var plan = Plan(edits[i].Action, edits[i].Parameters, localAsn);
            plans[i] = plan;
            if (plan.Errors.Count > 0 || plan.Session is not null)
            {
                continue;
            }

            var key = (plan.Peer!, plan.Direction);
            if (!groups.TryGetValue(key, out var group))
            {
                group = [];
                groups[key] = group;
                order.Add(key);
            }

            group.Add(plan);
        }

        var policy = existing;
        foreach (var key in order)
        {
            var group = groups[key];
            if (group.Count == 1)
            {
                policy = Render(group[0], policy, group[0].Warnings);
                continue;
            }

            var filters = group.Where(p => p.Action == TwinAction.PrefixFilter).ToList();
            if (filters.Count > 0)
            {
                policy = FilterAll(policy, key.Peer, key.Direction, filters);
            }

            var stages = group.Where(p => p.Action != TwinAction.PrefixFilter).ToList();
            if (stages.Count > 0)
            {
                policy = Compose(policy, key.Peer, key.Direction, stages);
            }
        }

        var results = plans.Select(p => p.Errors.Count > 0
            ? new PolicyEditResult(policy, null, [.. p.Errors], [])
            : new PolicyEditResult(policy, p.Session, [], [.. p.Warnings])).ToImmutableArray();
        return new PolicyBatchResult(policy, results);
    }

    /// <summary>A validated action: what it sets, where, on which prefixes; nothing applied yet.</summary>
    private sealed class EditPlan
    {
        public required TwinAction Action { get; init; }

        public string? Peer { get; init; }

        public PolicyDirection Direction { get; init; }

        public List<IpPrefix>? Prefixes { get; init; }

        public List<RouteMapSet> Sets { get; } = [];

        /// <summary>COMMUNITY_TAG remove: the values to delete (the lists are named when applied).</summary>
        public List<Community> DeleteStandard { get; } = [];

        public List<LargeCommunity> DeleteLarge { get; } = [];

        public bool FilterRemove { get; set; }

        public SessionEdit? Session { get; init; }

        public List<ParameterError> Errors { get; } = [];

        public List<string> Warnings { get; } = [];
    }

    private static EditPlan Plan(TwinAction action, ActionParameters parameters, uint? localAsn)
    {
        var errors = new List<ParameterError>();
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
            var sessionPlan = new EditPlan { Action = action, Peer = peer, Session = session };
            sessionPlan.Errors.AddRange(errors);
            return sessionPlan;
        }

        var direction = ParseDirection(parameters.Direction, DefaultDirection(action), errors);
        var prefixes = ParsePrefixes(parameters.Prefixes, errors);
        var plan = new EditPlan { Action = action, Peer = peer, Direction = direction, Prefixes = prefixes };
        var sets = plan.Sets;
        var warnings = plan.Warnings;
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
                CommunitySets(parameters, plan, errors);
                break;

            case TwinAction.PrefixFilter:
                if (prefixes is null && !errors.Any(e => e.Parameter.StartsWith("prefixes", StringComparison.Ordinal)))
                {
                    errors.Add(new ParameterError("prefixes", "is required for PREFIX_FILTER"));
                }

                plan.FilterRemove = ParseMode(parameters.Mode, "add", ["add", "remove"], errors) == "remove";
                break;
        }

        plan.Errors.AddRange(errors);
        return plan;
    }

    /// <summary>Applies one valid plan the way a single edit lays it out.</summary>
    private static RoutingPolicy Render(EditPlan plan, RoutingPolicy policy, List<string> warnings)
    {
        if (plan.Action == TwinAction.PrefixFilter)
        {
            return Filter(policy, plan.Peer!, plan.Direction, plan.Prefixes!, plan.FilterRemove, warnings);
        }

        var sets = new List<RouteMapSet>(plan.Sets);
        policy = DeletionLists(policy, plan, sets, new ListNames());
        return Override(policy, plan.Peer!, plan.Direction, plan.Prefixes, sets, warnings);
    }

    // set comm-list NAME delete removes what a list permits; one value per entry keeps it exact.
    private static RoutingPolicy DeletionLists(RoutingPolicy policy, EditPlan plan, List<RouteMapSet> sets, ListNames names)
    {
        var stem = $"NETOPS-{Slug(plan.Peer!)}-{Suffix(plan.Direction)}-DEL";
        if (plan.DeleteStandard.Count > 0)
        {
            var name = names.Unique(policy.CommunityLists, stem);
            policy = policy.With(new CommunityList(name, plan.DeleteStandard.Select((c, i) => new CommunityListEntry((i + 1) * 5, AccessAction.Permit, new[] { c }))));
            sets.Add(new DeleteCommunities(name));
        }

        if (plan.DeleteLarge.Count > 0)
        {
            var name = names.Unique(policy.LargeCommunityLists, stem);
            policy = policy.With(new LargeCommunityList(name, plan.DeleteLarge.Select((c, i) => new LargeCommunityListEntry((i + 1) * 5, AccessAction.Permit, new[] { c }))));
            sets.Add(new DeleteLargeCommunities(name));
        }

        return policy;
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

    private static void CommunitySets(ActionParameters parameters, EditPlan plan, List<ParameterError> errors)
    {
        var mode = ParseMode(parameters.Mode, "add", ["add", "remove", "replace"], errors);
        if (string.IsNullOrWhiteSpace(parameters.Community))
        {
            errors.Add(new ParameterError("community", "is required for COMMUNITY_TAG"));
            return;
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
            return;
        }

        if (mode == "remove")
        {
            plan.DeleteStandard.AddRange(standard);
            plan.DeleteLarge.AddRange(large);
            return;
        }

        var additive = mode == "add";
        if (standard.Count > 0)
        {
            plan.Sets.Add(new SetCommunities(standard.ToArray(), additive));
        }

        if (large.Count > 0)
        {
            plan.Sets.Add(new SetLargeCommunities(large.ToArray(), additive));
        }
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

    /// <summary>
    /// Several PREFIX_FILTER edits of one neighbour's map: the filtered set each family ends with (adds and removes
    /// taken in order, each edit warned as it would be alone), applied with at most one removal and one addition.
    /// </summary>
    private static RoutingPolicy FilterAll(RoutingPolicy policy, string peer, PolicyDirection direction, List<EditPlan> plans)
    {
        var resolveWarnings = new List<string>();
        if (!TryResolveMap(policy, peer, direction, policy.PeerBinding(peer), resolveWarnings, out _, out _))
        {
            plans.ForEach(p => p.Warnings.AddRange(resolveWarnings));
            return policy;
        }

        var listName = $"NETOPS-FILTER-{Slug(peer)}-{Suffix(direction)}";
        var toRemove = new List<IpPrefix>();
        var toAdd = new List<IpPrefix>();
        foreach (var isIPv6 in new[] { false, true })
        {
            var original = (policy.FindPrefixList(listName, isIPv6)?.Entries.Select(e => e.Prefix) ?? []).ToHashSet();
            var current = new HashSet<IpPrefix>(original);
            var added = new List<IpPrefix>();
            foreach (var plan in plans)
            {
                var family = plan.Prefixes!.Where(p => p.IsIPv6 == isIPv6).ToList();
                if (family.Count == 0)
                {
                    continue;
                }

                if (!plan.FilterRemove)
                {
                    added.AddRange(family.Where(current.Add));
                }
                else if (family.Count(current.Remove) == 0)
                {
                    plan.Warnings.Add($"none of the {(isIPv6 ? "IPv6" : "IPv4")} prefixes are filtered on {peer} {Suffix(direction).ToLowerInvariant()}");
                }
            }

            toRemove.AddRange(original.Where(p => !current.Contains(p)));
            toAdd.AddRange(added.Where(p => current.Contains(p) && !original.Contains(p)).Distinct());
        }

        // The per-edit warnings were given above; these calls only apply the net change.
        var repeated = new List<string>();
        if (toRemove.Count > 0)
        {
            policy = Filter(policy, peer, direction, toRemove, remove: true, repeated);
        }

        if (toAdd.Count > 0)
        {
            policy = Filter(policy, peer, direction, toAdd, remove: false, repeated);
        }

        return policy;
    }

    /// <summary>
    /// Several attribute edits of one neighbour's map in one layout with the meaning of applying them one by one:
    /// the existing entries jump to the first stage (a catch-all deny keeps the implicit deny); each run of edits
    /// for all prefixes becomes one entry with their sets in order; each run of prefix-scoped edits becomes one stage
    /// with an entry per group of prefixes that the same edits select (their sets in order) and a last entry that
    /// passes the others on untouched. Stages chain with <c>on-match goto</c>; the last exits.
    /// </summary>
    private static RoutingPolicy Compose(RoutingPolicy policy, string peer, PolicyDirection direction, List<EditPlan> plans)
    {
        var binding = policy.PeerBinding(peer);
        var resolveWarnings = new List<string>();
        if (!TryResolveMap(policy, peer, direction, binding, resolveWarnings, out var mapName, out var map))
        {
            plans.ForEach(p => p.Warnings.AddRange(resolveWarnings));
            return policy;
        }

        var names = new ListNames();
        var planSets = new List<RouteMapSet>[plans.Count];
        for (var i = 0; i < plans.Count; i++)
        {
            planSets[i] = [.. plans[i].Sets];
            policy = DeletionLists(policy, plans[i], planSets[i], names);
        }

        // Each stage is a list of slots: (the prefixes of one family it matches, or null for all; its sets).
        var stages = new List<List<(List<IpPrefix>? Prefixes, List<RouteMapSet> Sets)>>();
        for (var i = 0; i < plans.Count;)
        {
            if (plans[i].Prefixes is null)
            {
                var sets = new List<RouteMapSet>();
                for (; i < plans.Count && plans[i].Prefixes is null; i++)
                {
                    sets.AddRange(planSets[i]);
                }

                stages.Add([(null, sets)]);
                continue;
            }

            var selectedBy = new Dictionary<IpPrefix, List<int>>();
            var firstSeen = new List<IpPrefix>();
            for (; i < plans.Count && plans[i].Prefixes is { } listed; i++)
            {
                foreach (var prefix in listed)
                {
                    if (!selectedBy.TryGetValue(prefix, out var edits))
                    {
                        edits = [];
                        selectedBy[prefix] = edits;
                        firstSeen.Add(prefix);
                    }

                    // A prefix listed twice by one edit still gets that edit's sets once, as one prefix-list would.
                    if (edits.Count == 0 || edits[^1] != i)
                    {
                        edits.Add(i);
                    }
                }
            }

            var groups = new Dictionary<List<int>, List<IpPrefix>>(EditSequence.Instance);
            var groupOrder = new List<List<int>>();
            foreach (var prefix in firstSeen)
            {
                var edits = selectedBy[prefix];
                if (!groups.TryGetValue(edits, out var members))
                {
                    members = [];
                    groups[edits] = members;
                    groupOrder.Add(edits);
                }

                members.Add(prefix);
            }

            var stage = new List<(List<IpPrefix>? Prefixes, List<RouteMapSet> Sets)>();
            foreach (var edits in groupOrder)
            {
                var sets = new List<RouteMapSet>();
                foreach (var k in edits)
                {
                    sets.AddRange(planSets[k]);
                }

                var members = groups[edits];
                var v4 = members.FindAll(p => !p.IsIPv6);
                if (v4.Count > 0)
                {
                    stage.Add((v4, sets));
                }

                if (v4.Count < members.Count)
                {
                    stage.Add((members.FindAll(p => p.IsIPv6), sets));
                }
            }

            stage.Add((null, []));
            stages.Add(stage);
        }

        var entries = new List<RouteMapEntry>();
        int first;
        var max = map is null || map.Entries.IsEmpty ? 0 : map.Entries[^1].Sequence;
        if (map is null)
        {
            first = 10;
        }
        else
        {
            var catchAll = ((max / 10) + 1) * 10;
            first = catchAll + 10;
            entries.AddRange(map.Entries.Select(e => Redirect(e, max, first)));
            if (map.Entries.Any(e => e.Action == AccessAction.Permit && e.OnMatch == OnMatch.Next && e.Sequence != max))
            {
                plans.ForEach(p => p.Warnings.Add($"route-map {mapName} uses on-match next; a route that matches such an entry and no later one is now denied instead of permitted"));
            }

            entries.Add(new RouteMapEntry(catchAll, AccessAction.Deny));
        }

        // FRR numbers route-map entries up to 65535; a very large batch packs them one apart rather than ten.
        var slots = stages.Sum(s => s.Count);
        var step = first + (10L * slots) <= 65535 ? 10 : 1;
        var starts = new int[stages.Count + 1];
        starts[0] = first;
        for (var s = 0; s < stages.Count; s++)
        {
            starts[s + 1] = starts[s] + (step * stages[s].Count);
        }

        var ipv4 = policy.PrefixLists.ToBuilder();
        var ipv6 = policy.IPv6PrefixLists.ToBuilder();
        for (var s = 0; s < stages.Count; s++)
        {
            var sequence = starts[s];
            var last = s == stages.Count - 1;
            foreach (var (prefixes, sets) in stages[s])
            {
                var entry = new RouteMapEntry(sequence, AccessAction.Permit)
                {
                    Sets = [.. sets],
                    OnMatch = last ? OnMatch.Exit : OnMatch.Goto,
                    GotoSequence = last ? null : starts[s + 1],
                };
                if (prefixes is not null)
                {
                    var isIPv6 = prefixes[0].IsIPv6;
                    var lists = isIPv6 ? ipv6 : ipv4;
                    var listName = names.Unique(lists.ContainsKey, string.Create(CultureInfo.InvariantCulture, $"NETOPS-{Slug(peer)}-{Suffix(direction)}-{sequence}"));
                    lists[listName] = new PrefixList(listName, isIPv6, prefixes.Select((p, k) => new PrefixListEntry((k + 1) * 5, AccessAction.Permit, p)));
                    entry = entry with { Matches = [new MatchPrefixList(listName, isIPv6)] };
                }

                entries.Add(entry);
                sequence += step;
            }
        }

        policy = policy with { PrefixLists = ipv4.ToImmutable(), IPv6PrefixLists = ipv6.ToImmutable() };
        return policy.With(new RouteMap(mapName, entries)).WithPeer(peer, binding.WithRouteMap(direction, mapName));
    }

    /// <summary>Lists of edit positions compared by value.</summary>
    private sealed class EditSequence : IEqualityComparer<List<int>>
    {
        public static EditSequence Instance { get; } = new();

        public bool Equals(List<int>? x, List<int>? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.SequenceEqual(y));

        public int GetHashCode(List<int> obj)
        {
            var hash = new HashCode();
            foreach (var k in obj)
            {
                hash.Add(k);
            }

            return hash.ToHashCode();
        }
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
                var removed = family.ToHashSet();
                var kept = existingEntries.Where(e => !removed.Contains(e.Prefix)).ToList();
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
            var present = existingEntries.Select(e => e.Prefix).ToHashSet();
            foreach (var prefix in family.Where(present.Add))
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

    private static string Unique<T>(ImmutableSortedDictionary<string, T> existing, string stem) => new ListNames().Unique(existing.ContainsKey, stem);

    /// <summary>
    /// Free list and map names: the stem, else <c>stem-2</c>, <c>stem-3</c>, … Remembers where each stem got to, so a
    /// batch naming many lists after one stem does not probe every taken name again.
    /// </summary>
    private sealed class ListNames
    {
        private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);

        public string Unique<T>(ImmutableSortedDictionary<string, T> existing, string stem) => Unique(existing.ContainsKey, stem);

        public string Unique(Func<string, bool> taken, string stem)
        {
            if (!_next.ContainsKey(stem) && !taken(stem))
            {
                _next[stem] = 2;
                return stem;
            }

            var i = _next.GetValueOrDefault(stem, 2);
            string name;
            while (taken(name = string.Create(CultureInfo.InvariantCulture, $"{stem}-{i}")))
            {
                i++;
            }

            _next[stem] = i + 1;
            return name;
        }
    }
}
