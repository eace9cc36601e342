using OrleansNetOps.Topology;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Scenarios;

/// <summary>
/// Generates failures on a topology, deterministically from a seed (same seed, same topology → same scenarios):
/// link cuts (noticed at hold time), peer losses (a session closed with a NOTIFICATION, noticed at once), ISP prefix
/// withdrawals, ISP route leaks (an ISP announcing another ISP's prefix with that ISP's path behind it) and edge
/// leaks — every one a <see cref="NetworkEvent"/>. Rare combinations come from drawing one to three failures at once.
/// </summary>
public static class FailureScenarioGenerator
{
    /// <summary><paramref name="count"/> scenarios from <paramref name="seed"/>, of the given <paramref name="kinds"/> (all when null or empty).</summary>
    public static IReadOnlyList<FailureScenario> Generate(NetworkTopology topology, int seed, int count, int maxFailuresPerScenario = 1,
        IReadOnlyList<FailureKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var allowed = kinds is { Count: > 0 } ? kinds.Distinct().Order().ToList() : Enum.GetValues<FailureKind>().ToList();

        // A private generator with a fixed algorithm: System.Random's seeded sequence is an implementation detail.
        var state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 1;
        int Next(int bound)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return (int)(state % (ulong)bound);
        }

        var result = new List<FailureScenario>();
        for (var i = 0; i < count; i++)
        {
            var kind = allowed[Next(allowed.Count)];
            var changes = new List<TwinChange>();
            var failures = 1 + Next(Math.Max(1, maxFailuresPerScenario));
            for (var f = 0; f < failures; f++)
            {
                changes.Add(Draw(topology, f == 0 ? kind : allowed[Next(allowed.Count)], Next));
            }

            result.Add(new FailureScenario(kind, changes));
        }

        return result;
    }

    private static TwinChange Draw(NetworkTopology topology, FailureKind kind, Func<int, int> next)
    {
        var ebgp = topology.Links.Where(l => l.Kind == SessionKind.Ebgp && topology.Router(l.A) is not null).ToList();
        switch (kind)
        {
            case FailureKind.LinkCut:
                var link = topology.Links[next(topology.Links.Count)];
                return new LinkStateChange(link.A, link.B, Up: false);
            case FailureKind.PeerLoss:
                var router = topology.Routers[next(topology.Routers.Count)];
                var peers = topology.LinksOf(router.Id).Select(l => l.Other(router.Id)).ToList();
                return new LinkStateChange(router.Id, peers[next(peers.Count)], Up: false) { HoldTimeMs = 0 };
            case FailureKind.PrefixWithdrawal:
                var isp = topology.Isps[next(topology.Isps.Count)];
                return new PrefixWithdrawal(isp.Id, isp.Announcements[next(isp.Announcements.Count)].Prefix);
            case FailureKind.IspRouteLeak:
                var leaker = topology.Isps[next(topology.Isps.Count)];
                var others = topology.Isps.Where(i => i.Id != leaker.Id && i.Announcements.Count > 0).ToList();
                if (others.Count == 0)
                {
                    goto case FailureKind.PrefixWithdrawal;
                }

                var victim = others[next(others.Count)];
                var announcement = victim.Announcements[next(victim.Announcements.Count)];
                return new PrefixAnnouncement(leaker.Id, announcement.Prefix, [victim.Asn, .. announcement.AsPath]);
            default:
                if (ebgp.Count == 0)
                {
                    goto case FailureKind.LinkCut;
                }

                var edge = ebgp[next(ebgp.Count)];
                return new ExportLeak(edge.A, edge.B);
        }
    }
}
