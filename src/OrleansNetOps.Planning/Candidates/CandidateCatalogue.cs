using System.Collections.Immutable;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Planning.Candidates;

/// <summary>
/// Proposes catalogue actions for a fault: congestion or degradation toward an ISP → lower LOCAL_PREF on routes
/// learned from it (outbound) or prepend toward it (inbound); a dead session to an ISP → confirm the failover, either by
/// keeping its routes below the other ISPs' when it returns (LOCAL_PREF) or by changing nothing (NO_ACTION), hold the
/// session down, or fail over away from each ISP that takes its traffic (which the twin may find leaves prefixes without
/// a route); a leak or hijack → filter the prefixes from the offending neighbour. NO_ACTION is always a
/// candidate, so a plan always exists and "do nothing" competes on the same score as every change.
/// </summary>
public static class CandidateCatalogue
{
    /// <summary>The LOCAL_PREF given to routes from an ISP traffic should move off (below the default 100).</summary>
    public const long ShiftLocalPref = 50;

    /// <summary>How many times our AS is prepended toward an ISP inbound traffic should move off.</summary>
    public const long ShiftPrependCount = 2;

    /// <summary>The candidates for <paramref name="fault"/> on <paramref name="topology"/>, ids <c>c1</c>, <c>c2</c>… in order.</summary>
    public static ImmutableArray<Candidate> Propose(Fault fault, NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(topology);
        var drafts = new List<(string Router, string Action, ActionParameters Parameters, string Rationale, double Directness)>();
        switch (fault.Kind)
        {
            case FaultKind.Congestion or FaultKind.PathDegradation when fault.Isp is { } isp:
                foreach (var router in EdgesToward(topology, isp, fault.Routers))
                {
                    drafts.Add((router, "LOCAL_PREF_ADJUST", new ActionParameters { Peer = isp, Direction = "in", LocalPref = ShiftLocalPref },
                        $"prefer the other ISPs over {isp} for outbound traffic from {router}", 0.95));
                    drafts.Add((router, "AS_PATH_PREPEND", new ActionParameters { Peer = isp, Direction = "out", PrependCount = ShiftPrependCount },
                        $"make our routes look longer through {isp} so inbound traffic moves to the other ISPs", 0.85));
                }

                break;
            case FaultKind.SessionDown when fault.Peer is { } peer:
                var toIsp = topology.Isp(peer) is not null;
                foreach (var router in Routers(fault, topology, peer))
                {
                    if (toIsp)
                    {
                        drafts.Add((router, "LOCAL_PREF_ADJUST", new ActionParameters { Peer = peer, Direction = "in", LocalPref = ShiftLocalPref },
                            $"confirm the failover on {router}: routes from {peer} come back below the other ISPs' when the session returns, so a flapping link cannot pull traffic back", 0.95));
                    }

                    drafts.Add((router, "PEER_DEACTIVATE", new ActionParameters { Peer = peer },
                        $"hold the session from {router} to {peer} down so a flapping link cannot bounce routes", fault.Recurring ? 0.9 : 0.6));
                    if (toIsp)
                    {
                        // The ISPs that take the dead session's traffic may be pushed toward congestion; failing over away
                        // from one of them too is an alternative the twin must judge (it can leave destinations without a route).
                        foreach (var survivor in IspsOf(topology, router).Where(other => other != peer))
                        {
                            drafts.Add((router, "ISP_FAILOVER", new ActionParameters { Peer = survivor },
                                $"move traffic off {survivor} as well, which takes {peer}'s traffic from {router}", 0.5));
                        }
                    }
                }

                break;
            case FaultKind.RouteLeak or FaultKind.Hijack when fault.Peer is { } peer && !fault.Prefixes.IsDefaultOrEmpty:
                foreach (var router in Routers(fault, topology, peer))
                {
                    drafts.Add((router, "PREFIX_FILTER", new ActionParameters { Peer = peer, Direction = "in", Prefixes = fault.Prefixes },
                        $"drop {string.Join(", ", fault.Prefixes)} from {peer} on {router}", 0.95));
                }

                break;
        }

        var anchor = fault.Routers.IsDefaultOrEmpty ? topology.Routers.FirstOrDefault()?.Id ?? "network" : fault.Routers[0];
        var observe = fault.Kind == FaultKind.SessionDown
            ? "confirm the failover: the network already routes around the dead session"
            : "observe: change nothing";
        drafts.Add((anchor, "NO_ACTION", new ActionParameters(), observe, fault.Kind == FaultKind.SessionDown ? 0.9 : 0.5));
        return [.. drafts.Select((d, i) => new Candidate($"c{i + 1}", d.Router, d.Action, d.Parameters, d.Rationale, "catalogue",
            Math.Clamp(fault.Confidence * d.Directness, 0, 1)))];
    }

    // Our routers with a session to the ISP, restricted to the fault's routers when it names some that have one.
    private static IEnumerable<string> EdgesToward(NetworkTopology topology, string isp, ImmutableArray<string> named)
    {
        var edges = topology.LinksOf(isp).Select(l => l.Other(isp)).Where(id => topology.Router(id) is not null).Distinct().Order(StringComparer.Ordinal).ToList();
        var chosen = named.IsDefaultOrEmpty ? edges : edges.Where(named.Contains).ToList();
        return chosen.Count > 0 ? chosen : edges;
    }

    // The ISPs a router has a session to.
    private static IEnumerable<string> IspsOf(NetworkTopology topology, string router) =>
        topology.LinksOf(router).Select(l => l.Other(router)).Where(id => topology.Isp(id) is not null).Distinct().Order(StringComparer.Ordinal);

    private static IEnumerable<string> Routers(Fault fault, NetworkTopology topology, string peer)
    {
        var touching = topology.LinksOf(peer).Select(l => l.Other(peer)).Where(id => topology.Router(id) is not null).ToList();
        var named = fault.Routers.IsDefaultOrEmpty ? touching : [.. fault.Routers];
        return named.Distinct().Order(StringComparer.Ordinal);
    }
}
