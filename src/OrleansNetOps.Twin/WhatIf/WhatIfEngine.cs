using System.Diagnostics;
using System.Globalization;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Checks;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Model;
using OrleansNetOps.Twin.Sla;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// Runs a what-if: forks the converged state copy-on-write, applies the changes in order, propagates incrementally
/// (only the (node, prefix) pairs a change can touch enter the work-list), and compares before with after.
/// <para>
/// Session actions: <c>PEER_DEACTIVATE</c> and <c>DEPEER</c> take the session down (routing-wise a removed
/// neighbour and a shut one are the same), <c>PEER_ACTIVATE</c> brings it up, <c>ISP_FAILOVER</c> takes down
/// every session of the ISP named by <c>params.peer</c> on all our routers (traffic moves to the other ISPs; the
/// "prefer the other ISP" variant is expressible as LOCAL_PREF_ADJUST), <c>FULL_REROUTE</c> re-evaluates every
/// best path (a no-op on a consistent twin), <c>NO_ACTION</c> changes nothing.
/// </para>
/// </summary>
public static class WhatIfEngine
{
    /// <summary>Runs <paramref name="request"/> against <paramref name="baseline"/>, which is left untouched.</summary>
    public static WhatIfResult Run(TwinState baseline, WhatIfRequest request, WhatIfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(request);
        options ??= WhatIfOptions.Default;
        var started = Stopwatch.GetTimestamp();
        var errors = new List<string>();
        var warnings = new List<string>();
        var conflicts = new List<string>();
        var fork = baseline.Fork();
        var detection = 0.0;
        var edited = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Changes.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"changes[{i}]");
            detection = Math.Max(detection, Apply(fork, request.Changes[i], at, options, errors, warnings, conflicts, edited));
        }

        if (errors.Count > 0)
        {
            return Empty(errors, warnings, Stopwatch.GetElapsedTime(started).TotalMilliseconds) with { Invalid = true };
        }

        var stats = fork.Propagate();
        var model = fork.Model;

        // One pass over the changed pairs (unsorted: a full table can change millions); only the reported ones are sorted.
        var touched = new HashSet<int>();
        var touchedOurs = new HashSet<int>();
        var routers = new SortedSet<int>();
        var blackholes = new SortedSet<IpPrefix>();
        var asPathLoops = new List<string>();
        var reported = new List<(int Node, int Id)>();
        var changedCount = 0;
        foreach (var ((node, id), _) in stats.ChangedBest)
        {
            var before = id < baseline.PrefixCount ? baseline.BestAt(node, id) : null;
            var after = fork.BestAt(node, id);
            if (Equals(before, after))
            {
                continue;
            }

            touched.Add(id);
            if (!model.Nodes[node].IsOurs)
            {
                continue;
            }

            changedCount++;
            touchedOurs.Add(id);
            routers.Add(node);
            if (before is not null && after is null)
            {
                blackholes.Add(fork.PrefixAt(id));
            }

            if (after is not null && HasAsPathLoop(after.Attributes.EffectiveAsPath))
            {
                asPathLoops.Add($"{model.Nodes[node].Id} {fork.PrefixAt(id)}: {after.Attributes.EffectiveAsPath}");
            }

            if (reported.Count < options.MaxReportedChanges)
            {
                reported.Add((node, id));
            }
        }

        if (changedCount > reported.Count)
        {
            warnings.Add($"{changedCount} best-path changes; the first {reported.Count} found are listed");
        }

        var changes = reported.OrderBy(r => r.Node).ThenBy(r => fork.PrefixAt(r.Id)).Select(r =>
        {
            var prefix = fork.PrefixAt(r.Id);
            var before = r.Id < baseline.PrefixCount ? baseline.BestAt(r.Node, r.Id) : null;
            var after = fork.BestAt(r.Node, r.Id);
            return new BestPathChange(model.Nodes[r.Node].Id, prefix.ToString(),
                before is null ? null : RibRoute.From(prefix, before, best: true), after is null ? null : RibRoute.From(prefix, after, best: true));
        }).ToList();

        var forwardingLoops = new List<string>();
        foreach (var id in touchedOurs)
        {
            foreach (var node in model.Nodes)
            {
                if (node.IsOurs && ForwardingWalk.EndOf(fork, node.Index, id) == WalkEnd.Loop)
                {
                    forwardingLoops.Add($"{fork.PrefixAt(id)}: {ForwardingWalk.From(fork, node.Index, id)}");
                }
            }
        }

        forwardingLoops.Sort(StringComparer.Ordinal);
        asPathLoops.Sort(StringComparer.Ordinal);

        var asymmetric = Asymmetry(baseline, fork, touched, options, warnings);
        var protectedLost = ProtectedCommunitiesLost(changes, options);
        conflicts.AddRange(protectedLost);

        var hops = stats.ChangedBest.Count == 0 ? 0 : stats.MaxDepth + 1;
        var convergence = new ConvergenceEstimate(hops, detection,
            detection + (hops * (options.Convergence.AdvertisementIntervalMs + options.Convergence.ProcessingMsPerHop)));
        var (sla, lost) = SlaPredictor.Predict(baseline, fork, options, convergence);

        errors.AddRange(conflicts.Select(c => $"policy conflict: {c}"));
        errors.AddRange(blackholes.Select(p => $"blackhole: {p} has no path left on some router"));
        errors.AddRange(forwardingLoops.Select(l => $"forwarding loop: {l}"));
        errors.AddRange(asPathLoops.Select(l => $"AS-path loop: {l}"));
        foreach (var isp in sla.PerIsp.Where(p => p.LossPct > options.Guardrails.FailLossPct))
        {
            errors.Add($"predicted loss on {isp.Isp} {isp.LossPct:0.##} % exceeds {options.Guardrails.FailLossPct:0.##} %");
        }

        if (lost > 0)
        {
            warnings.Add($"{lost:0} B/s of the given traffic has no way out after the change");
        }

        var known = Math.Max(1, baseline.PrefixCount);
        double? trafficShare = null;
        if (options.Traffic.Count > 0)
        {
            var total = options.Traffic.Sum(t => t.BytesPerSecond);
            var moved = options.Traffic.Where(t => fork.PrefixId(t.Prefix) is var id && id >= 0 && touchedOurs.Contains(id)).Sum(t => t.BytesPerSecond);
            trafficShare = total > 0 ? moved / total : 0;
        }

        var blast = new BlastRadius((double)touchedOurs.Count / known, trafficShare, routers.Select(n => model.Nodes[n].Id).ToList());
        var checks = new TwinChecks(asPathLoops, forwardingLoops, blackholes.Select(p => p.ToString()).ToList(), asymmetric, conflicts);
        return new WhatIfResult(errors.Count == 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, blast, checks, changes, sla, warnings, errors)
        {
            Evaluations = stats.Evaluations,
            After = fork,
        };
    }

    private static WhatIfResult Empty(List<string> errors, List<string> warnings, double ms) =>
        new(false, ms, new BlastRadius(0, null, []), new TwinChecks([], [], [], [], []), [],
            new PredictedSla([], [], new ConvergenceEstimate(0, 0, 0)), warnings, errors);

    private static double Apply(TwinState fork, TwinChange change, string at, WhatIfOptions options, List<string> errors, List<string> warnings,
        List<string> conflicts, HashSet<string> edited)
    {
        var model = fork.Model;
        var topology = model.Topology;
        switch (change)
        {
            case CatalogueChange catalogue:
                return ApplyCatalogue(fork, catalogue, at, options, errors, warnings, conflicts, edited);

            case LinkStateChange link:
                var index = topology.Links.ToList().FindIndex(l => (l.A == link.A && l.B == link.B) || (l.A == link.B && l.B == link.A));
                if (index < 0)
                {
                    errors.Add($"{at}: there is no link between '{link.A}' and '{link.B}' in topology '{topology.Name}'");
                    return 0;
                }

                fork.SetLinkState(index, link.Up);
                return link.Up ? 0 : options.Convergence.HoldTimeMs;

            case PrefixAnnouncement announcement:
                if (!NodeExists(model, announcement.Node, at + ".node", errors))
                {
                    return 0;
                }

                fork.SetOrigination(model.IndexOf(announcement.Node), announcement.Prefix,
                    topology.Router(announcement.Node) is null ? announcement.AsPath : [], announcement.Med, remove: false);
                return 0;

            case PrefixWithdrawal withdrawal:
                if (!NodeExists(model, withdrawal.Node, at + ".node", errors))
                {
                    return 0;
                }

                fork.SetOrigination(model.IndexOf(withdrawal.Node), withdrawal.Prefix, [], null, remove: true);
                return 0;

            case ExportLeak leak:
                var router = model.IndexOf(leak.Router);
                var peer = router < 0 ? null : ResolvePeer(model.Nodes[router], leak.Peer);
                if (router < 0 || !model.Nodes[router].IsOurs || peer is null)
                {
                    errors.Add($"{at}: '{leak.Router}' has no session with '{leak.Peer}'");
                    return 0;
                }

                var policy = fork.PolicyAt(router);
                var name = $"NETOPS-LEAK-{peer.PeerId}";
                policy = policy.With(new RouteMap(name, [new RouteMapEntry(10, AccessAction.Permit)]))
                    .WithPeer(peer.PeerId, policy.PeerBinding(peer.PeerId).WithRouteMap(PolicyDirection.Out, name));
                fork.SetPolicy(router, policy, null);
                return options.Convergence.RouteMapDelayMs;

            default:
                errors.Add($"{at}: {change.GetType().Name} is not a change the twin knows");
                return 0;
        }
    }

    private static double ApplyCatalogue(TwinState fork, CatalogueChange change, string at, WhatIfOptions options, List<string> errors,
        List<string> warnings, List<string> conflicts, HashSet<string> edited)
    {
        var model = fork.Model;
        var topology = model.Topology;
        var failures = errors.Count;
        var routerNode = topology.Router(change.Router);
        if (routerNode is null)
        {
            errors.Add($"{at}.router: '{change.Router}' is not a router of topology '{topology.Name}'");
        }

        if (!TwinActionNames.TryParse(change.Action, out var action))
        {
            errors.Add($"{at}.action: '{change.Action}' is not one of LOCAL_PREF_ADJUST, MED_ADJUST, COMMUNITY_TAG, AS_PATH_PREPEND, NEXT_HOP_CHANGE, "
                + "PEER_ACTIVATE, PEER_DEACTIVATE, PREFIX_FILTER, ISP_FAILOVER, FULL_REROUTE, DEPEER, NO_ACTION");
        }

        if (errors.Count > failures)
        {
            return 0;
        }

        var node = model.Nodes[model.IndexOf(change.Router)];
        var parameters = change.Parameters;
        string? failoverIsp = null;
        if (!string.IsNullOrWhiteSpace(parameters.Peer))
        {
            var text = parameters.Peer.Trim();
            if (action == TwinAction.IspFailover)
            {
                failoverIsp = topology.Isp(text)?.Id ?? topology.Links.Where(l => topology.Isp(l.B) is not null && l.BAddress.ToString() == text).Select(l => l.B).FirstOrDefault();
                if (failoverIsp is null)
                {
                    errors.Add($"{at}.params.peer: '{text}' is not an ISP of topology '{topology.Name}' (ISPs: {string.Join(", ", topology.Isps.Select(i => i.Id))})");
                    return 0;
                }

                parameters = parameters with { Peer = failoverIsp };
            }
            else if (ResolvePeer(node, text) is { } session)
            {
                parameters = parameters with { Peer = session.PeerId };
            }
            else
            {
                errors.Add($"{at}.params.peer: '{text}' is not a neighbour of {node.Id} (neighbours: {string.Join(", ", node.Sessions.Select(s => $"{s.PeerId} {s.Peer.Address}"))})");
                return 0;
            }
        }

        var guardrails = options.Guardrails;
        if (action == TwinAction.LocalPrefAdjust && parameters.LocalPref is { } lp && (lp < guardrails.LocalPrefMin || lp > guardrails.LocalPrefMax))
        {
            conflicts.Add($"{at}: localPref {lp} is outside the guardrail {guardrails.LocalPrefMin}..{guardrails.LocalPrefMax}");
        }

        if (action == TwinAction.MedAdjust && parameters.Med is { } med && (med < guardrails.MedMin || med > guardrails.MedMax))
        {
            conflicts.Add($"{at}: med {med} is outside the guardrail {guardrails.MedMin}..{guardrails.MedMax}");
        }

        if (action == TwinAction.CommunityTag && parameters.Mode?.Trim() == "remove" && parameters.Community is { } communities)
        {
            foreach (var token in communities.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (CommunityText.TryParse(token, out var community) && guardrails.ProtectedCommunities.Contains(community.ToString()))
                {
                    conflicts.Add($"{at}: {community} is a protected community and may not be removed");
                }
            }
        }

        var edit = PolicyEdit.For(action, parameters, fork.PolicyAt(node.Index), node.Local.Asn);
        if (!edit.IsValid)
        {
            errors.AddRange(edit.Errors.Select(e => $"{at}.{e}"));
            return 0;
        }

        warnings.AddRange(edit.Warnings.Select(w => $"{at}: {w}"));
        if (edit.Session is { } session2)
        {
            return ApplySession(fork, node, session2, failoverIsp, options);
        }

        var key = $"{node.Id}|{parameters.Peer}|{parameters.Direction}";
        if (!edited.Add(key))
        {
            warnings.Add($"{at}: edits the same neighbour policy ({node.Id} towards {parameters.Peer}) as an earlier change; both apply, in order");
        }

        IReadOnlyCollection<IpPrefix>? only = null;
        if (parameters.Prefixes is { } texts)
        {
            // PolicyEdit only alters the outcome for the listed prefixes, so only they need re-evaluation.
            only = texts.Select(t => IpPrefix.Parse(t.Trim())).ToList();
        }

        fork.SetPolicy(node.Index, edit.Policy, only);
        return options.Convergence.RouteMapDelayMs;
    }

    private static double ApplySession(TwinState fork, TwinNode node, SessionEdit edit, string? failoverIsp, WhatIfOptions options)
    {
        var topology = fork.Model.Topology;
        switch (edit.Kind)
        {
            case SessionEditKind.Activate or SessionEditKind.Deactivate or SessionEditKind.Remove:
                var session = node.Sessions.First(s => s.PeerId == edit.Peer);
                fork.SetLinkState(session.LinkIndex, edit.Kind == SessionEditKind.Activate);
                return 0;
            case SessionEditKind.Failover:
                for (var i = 0; i < topology.Links.Count; i++)
                {
                    if (topology.Links[i].Touches(failoverIsp!))
                    {
                        fork.SetLinkState(i, false);
                    }
                }

                return 0;
            case SessionEditKind.FullReroute:
                fork.ReevaluateAll();
                return options.Convergence.ProcessingMsPerHop;
            default:
                return 0;
        }
    }

    private static TwinSession? ResolvePeer(TwinNode node, string peer) =>
        node.Sessions.FirstOrDefault(s => s.PeerId == peer) ?? node.Sessions.FirstOrDefault(s => s.Peer.Address.ToString() == peer);

    private static bool NodeExists(TwinModel model, string id, string field, List<string> errors)
    {
        if (model.IndexOf(id) >= 0)
        {
            return true;
        }

        errors.Add($"{field}: '{id}' is not a node of topology '{model.Topology.Name}'");
        return false;
    }

    // Prepending repeats an AS next to itself; the same AS again further along means the path went through it twice.
    private static bool HasAsPathLoop(AsPath? path)
    {
        var asns = (path ?? AsPath.Empty).Segments.SelectMany(s => s.Asns).ToArray();
        for (var i = 1; i < asns.Length; i++)
        {
            for (var j = 0; j < i - 1; j++)
            {
                if (asns[j] == asns[i] && asns[i - 1] != asns[i])
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<string> ProtectedCommunitiesLost(List<BestPathChange> changes, WhatIfOptions options)
    {
        var result = new List<string>();
        foreach (var change in changes)
        {
            if (change.Before is null || change.After is null)
            {
                continue;
            }

            foreach (var community in change.Before.Communities.Where(c => options.Guardrails.ProtectedCommunities.Contains(c) && !change.After.Communities.Contains(c)))
            {
                result.Add($"{change.Router} {change.Prefix}: protected community {community} removed");
            }
        }

        return result;
    }

    private static List<string> Asymmetry(TwinState baseline, TwinState fork, HashSet<int> touched, WhatIfOptions options, List<string> warnings)
    {
        var own = OwnPrefixes(baseline).Union(OwnPrefixes(fork)).ToList();
        var ownIds = own.Select(o => o.Prefix).ToHashSet();
        var traffic = options.Traffic.Select(t => fork.PrefixId(t.Prefix)).Where(id => id >= 0 && !ownIds.Contains(id)).Distinct().ToList();
        var ownTouched = touched.Overlaps(ownIds);

        // Traffic-carrying prefixes first, then the others in id order, up to the limit: the check is quadratic.
        var external = new List<int>(traffic.Where(id => ownTouched || touched.Contains(id)));
        for (var id = 0; id < fork.PrefixCount && external.Count < options.AsymmetryPairLimit; id++)
        {
            if (!ownIds.Contains(id) && (ownTouched || touched.Contains(id)) && !traffic.Contains(id))
            {
                external.Add(id);
            }
        }

        var after = AsymmetryCheck.Find(fork, own, external);
        var before = AsymmetryCheck.Find(baseline, own.Where(o => o.Prefix < baseline.PrefixCount).ToList(), external.Where(id => id < baseline.PrefixCount).ToList()).ToHashSet();
        var fresh = after.Count(a => !before.Contains(a));
        if (fresh > 0)
        {
            warnings.Add($"{fresh} flow(s) become asymmetric");
        }

        after.Sort(StringComparer.Ordinal);
        return after;
    }

    // Our own prefixes: what our routers originate, from the topology and from announcements made in the what-if.
    private static IEnumerable<(int Prefix, int Origin)> OwnPrefixes(TwinState state)
    {
        foreach (var node in state.Model.Nodes.Where(n => n.IsOurs))
        {
            foreach (var id in state.OriginatedBy(node.Index))
            {
                yield return (id, node.Index);
            }
        }
    }
}
