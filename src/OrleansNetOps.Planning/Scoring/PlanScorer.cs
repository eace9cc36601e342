using System.Globalization;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Planning.Candidates;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Planning.Scoring;

/// <summary>
/// Scores a candidate from its what-if, on three axes: SLA (how much of the fault it removes), cost (the transit bill
/// per hour, before and after) and blast radius (how much of the network moves).
/// <list type="bullet">
/// <item>Congestion toward ISP X: the overload is Σ max(0, u − target) over the ISPs, u the predicted utilisation.
/// A change that leaves no ISP above the target fixes it (SLA 1); otherwise SLA = partial weight × the share of the
/// overload removed (negative when it adds overload). Without traffic data the twin cannot predict utilisation and
/// nothing scores above 0 on SLA. When the fault carries the measured utilisation, the twin's flow-based loads are
/// scaled to it (flows give the split, the counter the level).</item>
/// <item>Path degradation toward X: SLA = the share of X's traffic the change moves elsewhere.</item>
/// <item>A dead session: SLA 1 when the network holds without new SLA breaches; a change that keeps a recurring
/// failure from pulling traffic back (PEER_DEACTIVATE of that session, or LOCAL_PREF below the default on all its
/// routes) earns the stability bonus.</item>
/// <item>A leak or hijack: SLA = the share of the fault's prefixes whose best path stops using the offending
/// neighbour on every router that used it.</item>
/// </list>
/// Total = SLA + stability + known-plan bonus − blast weight × blast − cost weight × relative cost change (bounded).
/// </summary>
public static class PlanScorer
{
    /// <summary>Scores <paramref name="candidate"/> given its what-if <paramref name="result"/>.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="candidate">The candidate.</param>
    /// <param name="result">Its what-if.</param>
    /// <param name="blast">The blast radius governance uses for it.</param>
    /// <param name="topology">The network (for the neighbours' addresses).</param>
    /// <param name="target">Utilisation no ISP should exceed (the analysts' floor, 0.85 by default).</param>
    /// <param name="weights">Weights; <see cref="ScoringWeights.Default"/> when null.</param>
    public static CandidateScore Score(Fault fault, Candidate candidate, WhatIfResult result, double blast, NetworkTopology topology, double target, ScoringWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(topology);
        weights ??= ScoringWeights.Default;
        var perIsp = result.PredictedSla.PerIsp;
        var (sla, fixes, notes) = fault.Kind switch
        {
            FaultKind.Congestion => Congestion(fault, result, target, weights),
            FaultKind.PathDegradation => Degradation(fault, result),
            FaultKind.SessionDown => Session(result),
            FaultKind.RouteLeak or FaultKind.Hijack => Prefixes(fault, result, topology),
            _ => (0.0, false, "no SLA model for this fault; only the blast radius and cost count"),
        };

        var stability = fault.Kind == FaultKind.SessionDown && fault.Recurring && PinsFaultSession(fault, candidate) ? weights.Stability : 0;
        var known = candidate.IsKnownPlan ? weights.KnownPlan : 0;
        var costBefore = perIsp.Sum(p => p.CostPerHourBefore);
        var costAfter = perIsp.Sum(p => p.CostPerHourAfter);
        var costChange = costBefore > 0 ? (costAfter - costBefore) / costBefore : 0;
        var costPenalty = Math.Clamp(weights.Cost * costChange, -0.1, 0.5);
        var blastPenalty = weights.Blast * blast;
        var total = sla + stability + known - blastPenalty - costPenalty;
        if (costBefore > 0)
        {
            notes += $"; transit {F(costBefore)} → {F(costAfter)} $/h";
        }

        return new CandidateScore(sla, fixes, stability, known, blast, blastPenalty, costChange, costPenalty, total, notes);
    }

    private static (double Sla, bool Fixes, string Notes) Congestion(Fault fault, WhatIfResult result, double target, ScoringWeights weights)
    {
        if (result.PredictedSla.PerIsp.All(p => p.UtilisationBefore == 0 && p.UtilisationAfter == 0))
        {
            return (0, false, "no traffic data: the twin cannot predict utilisation");
        }

        var (perIsp, calibration) = Calibrated(fault, result.PredictedSla.PerIsp);

        var before = perIsp.Sum(p => Math.Max(0, p.UtilisationBefore - target));
        var after = perIsp.Sum(p => Math.Max(0, p.UtilisationAfter - target));
        var isp = perIsp.FirstOrDefault(p => p.Isp == fault.Isp);
        var notes = string.Join(", ", perIsp.Where(p => p.UtilisationBefore > 0 || p.UtilisationAfter > 0)
            .Select(p => $"{p.Isp} {Pct(p.UtilisationBefore)} → {Pct(p.UtilisationAfter)} %")) + calibration;
        var fixes = after == 0 && (isp is null || isp.UtilisationAfter <= target) && result.PredictedSla.Breaches.Count == 0;
        if (fixes)
        {
            return (1, true, notes);
        }

        double relief;
        if (before > 0)
        {
            relief = (before - after) / before;
        }
        else
        {
            // The twin's traffic puts nobody over the target although the fault says X is congested (the measurement
            // is fresher than the flows): judge by how much of X's load moves away.
            relief = isp is { UtilisationBefore: > 0 } ? (isp.UtilisationBefore - isp.UtilisationAfter) / isp.UtilisationBefore : 0;
        }

        return (weights.PartialRelief * Math.Clamp(relief, -1, 1), false,
            notes + (isp is null ? string.Empty : $"; {isp.Isp} stays above {Pct(target)} %"));
    }

    // Flows are sampled and rolled up by the minute: they give the split of the traffic, the counter that raised the
    // fault gives the hot ISP's level now. The twin's loads are scaled by measured ÷ predicted; what moves to another ISP
    // is scaled the same way and added to that ISP's own (unscaled) load.
    private static (IReadOnlyList<IspLoad> PerIsp, string Notes) Calibrated(
        Fault fault, IReadOnlyList<IspPrediction> perIsp)
    {
        var hot = perIsp.FirstOrDefault(p => p.Isp == fault.Isp);
        if (fault.MeasuredUtilisation is not (> 0 and var measured) || hot is not { UtilisationBefore: > 0 })
        {
            return ([.. perIsp.Select(p => new IspLoad(p.Isp, p.UtilisationBefore, p.UtilisationAfter))], string.Empty);
        }

        var scale = measured / hot.UtilisationBefore;
        return ([.. perIsp.Select(p => p.Isp == hot.Isp
                ? new IspLoad(p.Isp, measured, p.UtilisationAfter * scale)
                : new IspLoad(p.Isp, p.UtilisationBefore, p.UtilisationBefore + ((p.UtilisationAfter - p.UtilisationBefore) * scale)))],
            $" (flows scaled ×{F(scale)} to {hot.Isp}'s measured {Pct(measured)} %)");
    }

    private static (double Sla, bool Fixes, string Notes) Degradation(Fault fault, WhatIfResult result)
    {
        var isp = result.PredictedSla.PerIsp.FirstOrDefault(p => p.Isp == fault.Isp);
        if (isp is null || isp.UtilisationBefore == 0)
        {
            return (0, false, $"no traffic data toward {fault.Isp}: nothing to move off it");
        }

        var moved = Math.Clamp((isp.UtilisationBefore - isp.UtilisationAfter) / isp.UtilisationBefore, -1, 1);
        return (moved, moved >= 0.999 && result.PredictedSla.Breaches.Count == 0,
            $"{Pct(moved)} % of {isp.Isp}'s traffic moves ({Pct(isp.UtilisationBefore)} → {Pct(isp.UtilisationAfter)} %)");
    }

    private static (double Sla, bool Fixes, string Notes) Session(WhatIfResult result)
    {
        var breaches = result.PredictedSla.Breaches;
        return breaches.Count == 0
            ? (1, true, $"the network holds without the session ({result.Changes.Count} best-path change(s))")
            : (0.5, false, $"the network holds but {string.Join("; ", breaches)}");
    }

    private static (double Sla, bool Fixes, string Notes) Prefixes(Fault fault, WhatIfResult result, NetworkTopology topology)
    {
        if (fault.Prefixes.IsDefaultOrEmpty || fault.Peer is null)
        {
            return (0, false, "the fault names no prefixes or neighbour");
        }

        var addresses = PeerAddresses(topology, fault.Peer);
        var cleared = 0;
        foreach (var prefix in fault.Prefixes)
        {
            var changes = result.Changes.Where(c => c.Prefix == prefix && c.Before is { } b && addresses.Contains(b.PeerAddress)).ToList();
            if (changes.Count > 0 && changes.All(c => c.After is null || !addresses.Contains(c.After.PeerAddress)))
            {
                cleared++;
            }
        }

        var share = (double)cleared / fault.Prefixes.Length;
        return (share, cleared == fault.Prefixes.Length, $"{cleared} of {fault.Prefixes.Length} prefix(es) no longer via {fault.Peer}");
    }

    // Holding the session down, or keeping its routes below the default LOCAL_PREF when it returns: either way the
    // failed session cannot pull traffic back while it flaps.
    private static bool PinsFaultSession(Fault fault, Candidate candidate) =>
        fault.Peer is not null && candidate.Parameters.Peer == fault.Peer
        && (fault.Routers.IsDefaultOrEmpty || fault.Routers.Contains(candidate.Router))
        && (candidate.Action == "PEER_DEACTIVATE"
            || candidate is { Action: "LOCAL_PREF_ADJUST", Parameters: { Direction: "in", LocalPref: < DefaultLocalPref, Prefixes: null } });

    private const long DefaultLocalPref = 100;

    // A neighbour by topology id or address: every address it has on our links.
    internal static HashSet<string> PeerAddresses(NetworkTopology topology, string peer)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { peer };
        foreach (var link in topology.Links)
        {
            if (link.A == peer)
            {
                result.Add(link.AAddress.ToString());
            }
            else if (link.B == peer)
            {
                result.Add(link.BAddress.ToString());
            }
        }

        return result;
    }

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
