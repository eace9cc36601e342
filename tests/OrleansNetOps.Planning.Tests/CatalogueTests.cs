using OrleansNetOps.Planning.Candidates;
using OrleansNetOps.Planning.Faults;

namespace OrleansNetOps.Planning.Tests;

public sealed class CatalogueTests
{
    [Fact]
    public void Congestion_toward_an_ISP_proposes_local_pref_and_prepends_on_each_router_with_a_session_to_it_and_observation()
    {
        var fault = new Fault { Kind = FaultKind.Congestion, Summary = "ISP-A 90 %", Confidence = 0.9, Isp = "ISP-A" };
        var candidates = CandidateCatalogue.Propose(fault, Network.Topology);
        var edges = Network.Topology.LinksOf("ISP-A").Select(l => l.Other("ISP-A")).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(edges);
        Assert.Equal(edges, candidates.Where(c => c.Action == "LOCAL_PREF_ADJUST").Select(c => c.Router));
        Assert.All(candidates.Where(c => c.Action == "LOCAL_PREF_ADJUST"), c => Assert.Equal(("ISP-A", "in", 50L), (c.Parameters.Peer, c.Parameters.Direction, c.Parameters.LocalPref)));
        Assert.Equal(edges, candidates.Where(c => c.Action == "AS_PATH_PREPEND").Select(c => c.Router));
        Assert.Equal("NO_ACTION", candidates[^1].Action);
        Assert.Equal(Enumerable.Range(1, candidates.Length).Select(i => $"c{i}"), candidates.Select(c => c.Id));
        Assert.All(candidates, c => Assert.InRange(c.Confidence, 0, 0.9));
    }

    [Fact]
    public void A_leak_is_filtered_from_the_offending_neighbour()
    {
        var fault = new Fault { Kind = FaultKind.RouteLeak, Summary = "leak", Confidence = 1, Peer = "ISP-B", Prefixes = ["8.8.8.0/24"] };
        var filter = Assert.Single(CandidateCatalogue.Propose(fault, Network.Topology), c => c.Action == "PREFIX_FILTER" && c.Router == Network.Topology.LinksOf("ISP-B").First().Other("ISP-B"));
        Assert.Equal("8.8.8.0/24", Assert.Single(filter.Parameters.Prefixes!.Value));
    }

    [Fact]
    public void A_dead_session_confirms_the_failover_or_holds_the_session_down()
    {
        var fault = new Fault { Kind = FaultKind.SessionDown, Summary = "down", Confidence = 1, Peer = "ISP-C", Recurring = true };
        var candidates = CandidateCatalogue.Propose(fault, Network.Topology);
        Assert.Contains(candidates, c => c.Action == "PEER_DEACTIVATE" && c.Parameters.Peer == "ISP-C");
        Assert.Contains(candidates, c => c.Action == "NO_ACTION" && c.Rationale.Contains("failover", StringComparison.Ordinal));
    }
}
