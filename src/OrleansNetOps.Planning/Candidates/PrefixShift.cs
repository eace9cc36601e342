using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Planning.Scoring;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Planning.Candidates;

/// <summary>
/// The narrow congestion fix a network architect would make: move only as much traffic off the hot ISP as it takes.
/// From the what-if of lowering LOCAL_PREF on every route of the ISP it learns which destination prefixes can leave
/// that ISP at all (those whose best path on the router moves to another neighbour — a prefix only the ISP announces
/// stays whatever LOCAL_PREF says); from the measured traffic it knows how much each carries; then it takes the fewest
/// prefixes that bring the ISP's utilisation to <see cref="Headroom"/> of the floor, and of those the set that moves the
/// least traffic. The result is the same
/// LOCAL_PREF_ADJUST limited to those prefixes (a prefix-list match), so it touches few prefixes and only the traffic
/// it must.
/// <para>
/// Flows are sampled and rolled up by the minute, so they give the split of the ISP's traffic better than its level;
/// when the fault carries the measured utilisation (the interface counter that raised it) the level comes from it
/// and the flows only say which share each prefix has.
/// </para>
/// </summary>
public static class PrefixShift
{
    /// <summary>
    /// Where the shift aims, as a share of the utilisation floor (0.95 of 85 % is 80.75 %): exactly at the floor, a
    /// still-growing load would cross it again within minutes.
    /// </summary>
    public const double Headroom = 0.95;

    /// <summary>
    /// The prefix-scoped variant of <paramref name="whole"/> (a LOCAL_PREF_ADJUST on every route from the fault's ISP),
    /// or null when there is none narrower: no traffic data, nothing to move, or only every movable prefix together is
    /// enough (that is <paramref name="whole"/> itself).
    /// </summary>
    /// <param name="fault">The congestion.</param>
    /// <param name="whole">The whole-ISP LOCAL_PREF candidate.</param>
    /// <param name="wholeResult">Its what-if, run with <paramref name="traffic"/>.</param>
    /// <param name="traffic">Measured bytes per second per destination prefix (as the what-if got it).</param>
    /// <param name="topology">The network (the ISP's capacity and addresses).</param>
    /// <param name="target">The utilisation floor (share of capacity, 0.85 by default).</param>
    /// <param name="id">The new candidate's id.</param>
    public static Candidate? Narrow(Fault fault, Candidate whole, WhatIfResult wholeResult, IReadOnlyList<TrafficVolume> traffic, NetworkTopology topology,
        double target, string id)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(wholeResult);
        ArgumentNullException.ThrowIfNull(traffic);
        ArgumentNullException.ThrowIfNull(topology);
        if (fault.Kind != FaultKind.Congestion || whole.Action != "LOCAL_PREF_ADJUST" || whole.Parameters.Prefixes is not null
            || whole.Parameters.Peer is not { } isp || topology.Isp(isp) is not { CapacityGbps: > 0 } provider || !wholeResult.Passed
            || wholeResult.PredictedSla.PerIsp.FirstOrDefault(p => p.Isp == isp) is not { UtilisationBefore: > 0 } load)
        {
            return null;
        }

        var addresses = PlanScorer.PeerAddresses(topology, isp);
        var leaving = wholeResult.Changes
            .Where(c => c.Router == whole.Router && c.Before is { } before && addresses.Contains(before.PeerAddress)
                && c.After is { } after && !addresses.Contains(after.PeerAddress))
            .Select(c => IpPrefix.Parse(c.Prefix))
            .Distinct()
            .ToList();
        var movable = leaving
            .Select(prefix => (Prefix: prefix, BytesPerSecond: traffic.Where(t => prefix.Contains(t.Prefix)).Sum(t => t.BytesPerSecond)))
            .Where(m => m.BytesPerSecond > 0)
            .OrderByDescending(m => m.BytesPerSecond)
            .ThenBy(m => m.Prefix)
            .ToList();
        if (movable.Count == 0)
        {
            return null;
        }

        // The level the counter measured (or the flows' own), and each prefix's part of it by its share of the flows.
        var level = fault.MeasuredUtilisation is > 0 and var measured ? measured : load.UtilisationBefore;
        var perByte = level / load.UtilisationBefore * 8 / (provider.CapacityGbps * 1e9);
        var aim = target * Headroom;
        var need = level - aim;
        var shares = movable.Select(m => (m.Prefix, Share: m.BytesPerSecond * perByte)).ToList();

        // The fewest prefixes: the largest ones until enough moves; then the last of them swapped for the smallest one
        // that still completes the move, so no more traffic moves than it takes.
        var count = 0;
        for (var moved = 0.0; count < shares.Count && moved < need; count++)
        {
            moved += shares[count].Share;
        }

        var kept = shares.Take(Math.Max(0, count - 1)).ToList();
        var enough = need - kept.Sum(k => k.Share);
        if (need > 0 && shares.Skip(kept.Count).Where(s => s.Share >= enough).OrderBy(s => s.Share).ThenBy(s => s.Prefix).FirstOrDefault() is { Share: > 0 } last)
        {
            kept.Add(last);
        }

        var chosen = kept;
        var after = level - chosen.Sum(c => c.Share);
        if (need <= 0 || after > aim || chosen.Count == leaving.Count)
        {
            return null;
        }

        var names = chosen.Select(c => c.Prefix.ToString()).ToImmutableArray();
        var share = chosen.Sum(c => c.Share) / level;
        return new Candidate(id, whole.Router, whole.Action, whole.Parameters with { Prefixes = names },
            string.Create(CultureInfo.InvariantCulture,
                $"prefer the other ISPs for {string.Join(", ", names)} only ({share * 100:0.#} % of {isp}'s traffic): {isp} {level * 100:0.#} → {after * 100:0.#} %, under {aim * 100:0.#} % ({Headroom:0.##} of the {target * 100:0.#} % floor)"),
            whole.Source, whole.Confidence);
    }
}
