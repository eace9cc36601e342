using System.Collections.Immutable;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Scenarios;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Assistant.Learning;

/// <summary>
/// Generates training episodes safely in the twin: the twin's failure-scenario generator picks what breaks, a seeded
/// traffic mix over the ISPs' announced prefixes loads the links, and every candidate action (move off, move onto and
/// prepend on each ISP session, or nothing) is simulated on top. The reward of each candidate is computed from the
/// twin's predicted SLA after it, against doing nothing.
/// </summary>
public sealed class EpisodeGenerator(NetworkTopology topology, TwinState baseline, RewardWeights weights)
{
    private const double Headroom = 0.85;

    /// <summary><paramref name="count"/> episodes from <paramref name="seed"/>; episodes whose scenario the twin refuses are skipped.</summary>
    public IReadOnlyList<Episode> Generate(int seed, int count)
    {
        var scenarios = FailureScenarioGenerator.Generate(topology, seed, count, kinds: [FailureKind.LinkCut, FailureKind.PeerLoss, FailureKind.PrefixWithdrawal]);
        var episodes = new List<Episode>();
        var random = new XorShift((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 7);
        for (var i = 0; i < scenarios.Count; i++)
        {
            var options = WhatIfOptions.Default with { Traffic = Traffic(random) };
            var idle = WhatIfEngine.Run(baseline, scenarios[i].Request, options);
            if (idle.Invalid)
            {
                continue;
            }

            var candidates = Candidates().Select(change => Evaluate((uint)episodes.Count, scenarios[i], idle, change, options)).ToList();
            episodes.Add(new Episode(episodes.Count, scenarios[i], candidates));
        }

        return episodes;
    }

    // Every prefix an ISP announces carries between 10 % and 70 % of a 10 Gb/s link, so some mixes congest a link and some do not.
    private List<TrafficVolume> Traffic(XorShift random) =>
        topology.Isps.SelectMany(i => i.Announcements).Select(a => a.Prefix).Distinct()
            .Where(p => !p.IsIPv6)
            .Select(p => new TrafficVolume(p, 1.25e9 * (0.1 + (0.6 * random.NextDouble()))))
            .ToList();

    private IEnumerable<CatalogueChange> Candidates()
    {
        foreach (var link in topology.Links)
        {
            var (router, isp) = topology.Router(link.A) is not null && topology.Isp(link.B) is not null ? (link.A, link.B)
                : topology.Router(link.B) is not null && topology.Isp(link.A) is not null ? (link.B, link.A) : (null, null);
            if (router is null)
            {
                continue;
            }

            yield return new CatalogueChange(router, "LOCAL_PREF_ADJUST", new ActionParameters { Peer = isp, Direction = "in", LocalPref = 50 });
            yield return new CatalogueChange(router, "LOCAL_PREF_ADJUST", new ActionParameters { Peer = isp, Direction = "in", LocalPref = 200 });
            yield return new CatalogueChange(router, "AS_PATH_PREPEND", new ActionParameters { Peer = isp, Direction = "out", PrependCount = 2 });
        }

        yield return new CatalogueChange(topology.Routers[0].Id, "NO_ACTION", new ActionParameters());
    }

    private Candidate Evaluate(uint episode, FailureScenario scenario, WhatIfResult idle, CatalogueChange change, WhatIfOptions options)
    {
        var noAction = change.Action == "NO_ACTION";
        var result = noAction ? idle : WhatIfEngine.Run(baseline, new WhatIfRequest([.. scenario.Changes, change]), options);
        var isp = change.Parameters.Peer;
        var before = idle.PredictedSla.PerIsp;
        var ispBefore = before.FirstOrDefault(p => p.Isp == isp);
        var node = isp is null ? null : topology.Isp(isp);
        var down = scenario.Changes.Any(c => c is LinkStateChange { Up: false } l && isp is not null
            && ((l.A == change.Router && l.B == isp) || l.A.Contains(isp, StringComparison.Ordinal)))
            || scenario.Changes.Any(c => c is RouterDown d && (d.Router == isp || d.Router == change.Router));
        var kind = new float[4];
        kind[noAction ? 3 : change.Action == "AS_PATH_PREPEND" ? 2 : change.Parameters.LocalPref < 100 ? 0 : 1] = 1;
        var usable = !result.Invalid && result.Passed;
        var reward = usable ? weights.Reward(Delta(idle.PredictedSla, result.PredictedSla)) : -1.0;
        var features = new CandidateFeatures
        {
            Episode = episode,
            Kind = kind,
            IspUtilisation = (float)(ispBefore?.UtilisationAfter ?? 0),
            MaxUtilisation = (float)before.Select(p => p.UtilisationAfter).DefaultIfEmpty().Max(),
            MaxUtilisationAfter = (float)result.PredictedSla.PerIsp.Select(p => p.UtilisationAfter).DefaultIfEmpty().Max(),
            IspLatency = (float)(ispBefore?.LatencyMs ?? 0),
            IspLoss = (float)(ispBefore?.LossPct ?? 0),
            IspCost = (float)(node?.CostPerGb ?? 0),
            SessionDown = down ? 1 : 0,
            Blast = (float)result.BlastRadius.PrefixShare,
            Breaches = result.PredictedSla.Breaches.Count,
            Blackholes = result.Checks.Blackholes.Count,
            Reward = (float)reward,
        };
        return new Candidate(change, features, reward);
    }

    private OutcomeDelta Delta(PredictedSla idle, PredictedSla after)
    {
        var (latency0, loss0, cost0, healthy0) = Summary(idle);
        var (latency1, loss1, cost1, healthy1) = Summary(after);
        var sla = topology.Sla;
        return new OutcomeDelta(
            (latency1 - latency0) / sla.LatencyMs,
            (loss1 - loss0) / sla.LossPct,
            cost0 <= 0 ? 0 : (cost1 - cost0) / cost0,
            healthy1 - healthy0);
    }

    // Traffic-weighted latency and loss, total cost per hour, and the share of ISPs with headroom.
    private (double Latency, double Loss, double Cost, double Healthy) Summary(PredictedSla sla)
    {
        var loads = sla.PerIsp.Select(p => (p, load: p.UtilisationAfter * (topology.Isp(p.Isp)?.CapacityGbps ?? 0))).ToList();
        var total = loads.Sum(l => l.load);
        var latency = total <= 0 ? 0 : loads.Sum(l => l.p.LatencyMs * l.load) / total;
        var loss = total <= 0 ? 0 : loads.Sum(l => l.p.LossPct * l.load) / total;
        var healthy = sla.PerIsp.Count == 0 ? 1 : (double)sla.PerIsp.Count(p => p.UtilisationAfter < Headroom) / sla.PerIsp.Count;
        return (latency, loss, sla.PerIsp.Sum(p => p.CostPerHourAfter), healthy);
    }

    /// <summary>A fixed, seedable generator (System.Random's seeded sequence is an implementation detail).</summary>
    private sealed class XorShift(ulong state)
    {
        public double NextDouble()
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return (state >> 11) * (1.0 / (1UL << 53));
        }
    }
}
