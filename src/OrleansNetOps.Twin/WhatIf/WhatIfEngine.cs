using System.Diagnostics;
using System.Globalization;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Checks;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Inbound;
using OrleansNetOps.Twin.Model;
using OrleansNetOps.Twin.Sla;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// Runs a what-if: forks the converged state copy-on-write, applies the changes in order (see
/// <see cref="ChangeApplication"/>), propagates incrementally (only the (node, prefix) pairs a change can touch enter
/// the work-list), and compares before with after — on our routers, and on the ISPs' side (how the Internet reaches
/// our prefixes).
/// <para>
/// Concurrency: the baseline is only read (and, when sealed — every converged state and every what-if's
/// <see cref="WhatIfResult.After"/> is — forking it writes nothing), so any number of what-ifs may run on one baseline at
/// once, each on its own thread, with the results they would give one after the other. Work grows linearly with the
/// number of changes (at most <see cref="WhatIfLimits.MaxChanges"/>); <c>cancellationToken</c> is looked at between
/// changes and every few thousand steps of propagation.
/// </para>
/// </summary>
public static class WhatIfEngine
{
    /// <summary>Runs <paramref name="request"/> against <paramref name="baseline"/>, which is left untouched.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static WhatIfResult Run(TwinState baseline, WhatIfRequest request, WhatIfOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(request);
        options ??= WhatIfOptions.Default;
        var started = Stopwatch.GetTimestamp();
        if (WhatIfLimits.Check(request) is { } tooLarge)
        {
            return Empty([tooLarge], [], Stopwatch.GetElapsedTime(started).TotalMilliseconds) with { Invalid = true };
        }

        var fork = baseline.Fork();
        var application = new ChangeApplication(fork, options, cancellationToken);
        application.ApplyAll(request.Changes);
        var warnings = application.Warnings;
        var conflicts = application.Conflicts;
        var detection = application.DetectionMs;
        if (application.Invalid)
        {
            return Empty(application.Errors(), warnings, Stopwatch.GetElapsedTime(started).TotalMilliseconds) with { Invalid = true };
        }

        var errors = new List<string>();
        var stats = fork.Propagate(cancellationToken);
        var model = fork.Model;

        // One pass over the changed pairs (unsorted: a full table can change millions); only the reported ones are sorted.
        // Per-prefix flags rather than hash sets; AS-path loop verdicts memoised per AS path object (a full table shares few).
        var touchedFlags = new bool[fork.PrefixCount];
        var touchedOursFlags = new bool[fork.PrefixCount];
        var touchedOursList = new List<int>();
        var touchedCount = 0;
        var routerFlags = new bool[model.Nodes.Count];
        var loopVerdicts = new Dictionary<AsPath, bool>(ReferenceEqualityComparer.Instance);
        var blackholes = new SortedSet<IpPrefix>();
        var asPathLoops = new List<string>();
        var reported = new List<(int Node, int Id)>();
        var changedCount = 0;
        var isOurs = model.Nodes.Select(n => n.IsOurs).ToArray();
        var baselineCount = baseline.PrefixCount;

        // Whether a change on one of our routers leaves an AS-path loop (memoised per AS path object).
        bool Looped(CandidatePath? after)
        {
            if (after is null)
            {
                return false;
            }

            var path = after.Attributes.EffectiveAsPath ?? AsPath.Empty;
            if (!loopVerdicts.TryGetValue(path, out var looped))
            {
                looped = HasAsPathLoop(path);
                loopVerdicts[path] = looped;
            }

            return looped;
        }

        void Count(int node, int id, bool blackhole, bool looped)
        {
            if (!touchedFlags[id])
            {
                touchedFlags[id] = true;
                touchedCount++;
            }

            if (!isOurs[node])
            {
                return;
            }

            changedCount++;
            if (!touchedOursFlags[id])
            {
                touchedOursFlags[id] = true;
                touchedOursList.Add(id);
            }

            routerFlags[node] = true;
            if (blackhole)
            {
                blackholes.Add(fork.PrefixAt(id));
            }

            if (looped)
            {
                asPathLoops.Add($"{model.Nodes[node].Id} {fork.PrefixAt(id)}: {fork.BestAt(node, id)!.Attributes.EffectiveAsPath}");
            }
        }

        if (stats.Classes is { ForkWasPristine: true } classes && fork.PrefixCount == baselineCount)
        {
            // Propagated by class from an untouched fork: members of a class held the same paths before and hold the
            // same paths after, so each class's changes are judged once, on its representative.
            var found = classes.Found;
            var real = new bool[found.Length];
            var blackhole = new bool[found.Length];
            var looped = new bool[found.Length];
            for (var c = 0; c < classes.Representatives.Length; c++)
            {
                var representative = classes.Representatives[c];
                for (var k = classes.Starts[c]; k < classes.Starts[c + 1]; k++)
                {
                    var node = found[k].Node;
                    var before = baseline.BestAt(node, representative);
                    var after = fork.BestAt(node, representative);
                    real[k] = !SamePath(before, after);
                    blackhole[k] = before is not null && after is null;
                    looped[k] = real[k] && isOurs[node] && Looped(after);
                }
            }

            var members = classes.ClassOf;
            for (var id = 0; id < members.Length; id++)
            {
                var c = members[id];
                for (var k = classes.Starts[c]; k < classes.Starts[c + 1]; k++)
                {
                    if (real[k])
                    {
                        Count(found[k].Node, id, blackhole[k], looped[k]);
                    }
                }
            }

            // The listed ones: the first found, in the work-list's order (by depth, then prefix id).
            for (var level = 0; level <= stats.MaxDepth && reported.Count < options.MaxReportedChanges; level++)
            {
                for (var id = 0; id < members.Length && reported.Count < options.MaxReportedChanges; id++)
                {
                    var c = members[id];
                    for (var k = classes.Starts[c]; k < classes.Starts[c + 1] && reported.Count < options.MaxReportedChanges; k++)
                    {
                        if (found[k].Depth == level && real[k] && isOurs[found[k].Node])
                        {
                            reported.Add((found[k].Node, id));
                        }
                    }
                }
            }
        }
        else
        {
            foreach (var (node, id, _) in stats.ChangedBest)
            {
                var before = id < baselineCount ? baseline.BestAt(node, id) : null;
                var after = fork.BestAt(node, id);
                if (SamePath(before, after))
                {
                    continue;
                }

                Count(node, id, before is not null && after is null, isOurs[node] && Looped(after));
                if (isOurs[node] && reported.Count < options.MaxReportedChanges)
                {
                    reported.Add((node, id));
                }
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
        var ours = model.Nodes.Where(n => n.IsOurs).Select(n => n.Index).ToArray();
        var hops = new int[model.Nodes.Count];
        var owners = new Dictionary<CandidatePath, int>(ReferenceEqualityComparer.Instance);
        // After a propagation by class, members of a class hold the same paths everywhere: one walk per class.
        var classOf = stats.Classes?.ClassOf;
        var classVerdicts = new Dictionary<int, bool>();
        foreach (var id in touchedOursList)
        {
            bool mayLoop;
            if (classOf is not null && id < classOf.Length)
            {
                if (!classVerdicts.TryGetValue(classOf[id], out mayLoop))
                {
                    mayLoop = MayLoop(fork, id, ours, hops, owners);
                    classVerdicts[classOf[id]] = mayLoop;
                }
            }
            else
            {
                mayLoop = MayLoop(fork, id, ours, hops, owners);
            }

            if (!mayLoop)
            {
                continue;
            }

            foreach (var node in ours)
            {
                if (ForwardingWalk.EndOf(fork, node, id) == WalkEnd.Loop)
                {
                    forwardingLoops.Add($"{fork.PrefixAt(id)}: {ForwardingWalk.From(fork, node, id)}");
                }
            }
        }

        forwardingLoops.Sort(StringComparer.Ordinal);
        asPathLoops.Sort(StringComparer.Ordinal);

        var touched = new TouchedSet(touchedFlags, touchedCount);
        var own = OwnPrefixes(baseline).Union(OwnPrefixes(fork)).ToList();
        var asymmetric = Asymmetry(baseline, fork, own, touched, options, warnings);
        var protectedLost = ProtectedCommunitiesLost(changes, options);
        conflicts.AddRange(protectedLost);
        cancellationToken.ThrowIfCancellationRequested();
        var ownIds = own.Select(o => o.Prefix).Distinct().OrderBy(fork.PrefixAt).ToList();
        var (inbound, ispChanges) = InboundPredictor.Predict(baseline, fork, ownIds, options, warnings);
        changes.AddRange(ispChanges);

        var depth = stats.ChangedBest.Count == 0 ? 0 : stats.MaxDepth + 1;
        var convergence = new ConvergenceEstimate(depth, detection,
            detection + (depth * (options.Convergence.AdvertisementIntervalMs + options.Convergence.ProcessingMsPerHop)));
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
            warnings.Add($"{lost:0} B/s of the given traffic loses its way out with the change");
        }

        var known = Math.Max(1, baseline.PrefixCount);
        double? trafficShare = null;
        if (options.Traffic.Count > 0)
        {
            var total = options.Traffic.Sum(t => t.BytesPerSecond);
            var moved = options.Traffic.Where(t => fork.PrefixId(t.Prefix) is var id && id >= 0 && id < touchedOursFlags.Length && touchedOursFlags[id]).Sum(t => t.BytesPerSecond);
            trafficShare = total > 0 ? moved / total : 0;
        }

        var routers = Enumerable.Range(0, model.Nodes.Count).Where(n => routerFlags[n]).Select(n => model.Nodes[n].Id).ToList();
        var blast = new BlastRadius((double)touchedOursList.Count / known, trafficShare, routers);
        var checks = new TwinChecks(asPathLoops, forwardingLoops, blackholes.Select(p => p.ToString()).ToList(), asymmetric, conflicts);
        fork.Seal();
        return new WhatIfResult(errors.Count == 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, blast, checks, changes, sla, warnings, errors)
        {
            Inbound = inbound,
            Evaluations = stats.Evaluations,
            After = fork,
        };
    }

    private static WhatIfResult Empty(List<string> errors, List<string> warnings, double ms) =>
        new(false, ms, new BlastRadius(0, null, []), new TwinChecks([], [], [], [], []), [],
            new PredictedSla([], [], new ConvergenceEstimate(0, 0, 0)), warnings, errors);

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

    // Equal paths; attribute hashes are cached, so most differing pairs are told apart without a full comparison.
    private static bool SamePath(CandidatePath? before, CandidatePath? after) =>
        ReferenceEquals(before, after)
        || (before is not null && after is not null && before.Attributes.GetHashCode() == after.Attributes.GetHashCode() && before.Equals(after));

    /// <summary>
    /// Whether a forwarding walk for the prefix could loop from some router: the walk follows each router's best-path
    /// next hop, and a loop needs a cycle in that next-router map (owners of next hops memoised per path object).
    /// </summary>
    private static bool MayLoop(TwinState fork, int id, int[] ours, int[] next, Dictionary<CandidatePath, int> owners)
    {
        var model = fork.Model;
        Array.Fill(next, -1);
        foreach (var node in ours)
        {
            if (fork.BestAt(node, id) is not { } best || best.Peer.Type == PeerType.Local)
            {
                continue;
            }

            if (!owners.TryGetValue(best, out var owner))
            {
                owner = model.NodeWithAddress(best.EffectiveNextHop)?.Index ?? -1;
                owners[best] = owner;
            }

            next[node] = owner == node ? -1 : owner;
        }

        foreach (var start in ours)
        {
            var node = start;
            for (var steps = 0; steps <= model.Nodes.Count; steps++)
            {
                if (node < 0 || !model.Nodes[node].IsOurs)
                {
                    break;
                }

                node = next[node];
                if (steps == model.Nodes.Count)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The prefixes whose best path changed somewhere, as flags by prefix id.</summary>
    private sealed class TouchedSet(bool[] flags, int count)
    {
        public int Count { get; } = count;

        public bool Contains(int id) => (uint)id < (uint)flags.Length && flags[id];
    }

    private static List<string> Asymmetry(TwinState baseline, TwinState fork, List<(int Prefix, int Origin)> own, TouchedSet touched, WhatIfOptions options,
        List<string> warnings)
    {
        var ownIds = own.Select(o => o.Prefix).ToHashSet();
        var traffic = options.Traffic.Select(t => fork.PrefixId(t.Prefix)).Where(id => id >= 0 && !ownIds.Contains(id)).Distinct().ToList();
        var ownTouched = ownIds.Any(touched.Contains);

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
