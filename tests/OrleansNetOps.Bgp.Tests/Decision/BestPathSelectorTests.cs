using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Decision;

namespace OrleansNetOps.Bgp.Tests.Decision;

/// <summary>
/// Each step of FRR 8.4's decision process, with ties that fall through to the next step. Expectations
/// follow RFC 4271 9.1.2.2, RFC 4456 section 9 and FRR's documented order.
/// </summary>
public sealed class BestPathSelectorTests
{
    private static readonly PathAttributes Base = new() { Origin = Origin.Igp, AsPath = AsPath.FromSequence(65010), NextHop = IPAddress.Parse("192.0.2.1") };

    private static BgpPeer Ebgp(string address, uint asn, string routerId) =>
        new(IPAddress.Parse(address), asn, IPAddress.Parse(routerId), PeerType.External);

    private static BgpPeer Ibgp(string address, string routerId) =>
        new(IPAddress.Parse(address), 65000, IPAddress.Parse(routerId), PeerType.Internal);

    private static CandidatePath Path(BgpPeer peer, PathAttributes? attributes = null, long order = 0) =>
        new(attributes ?? Base, peer) { ReceivedOrder = order };

    private static BestPathResult Select(BestPathOptions? options, params CandidatePath[] candidates) => BestPathSelector.Select(candidates, options);

    [Fact]
    public void No_candidates_selects_nothing()
    {
        var result = BestPathSelector.Select([]);
        Assert.Null(result.Best);
        Assert.Equal(DecisionStep.None, result.Step);
    }

    [Fact]
    public void A_single_candidate_wins_as_first_path()
    {
        var only = Path(Ibgp("10.0.0.2", "10.0.0.2"));
        var result = Select(null, only);
        Assert.Same(only, result.Best);
        Assert.Equal("First path received", result.Reason);
    }

    [Fact]
    public void Higher_weight_wins_before_local_pref()
    {
        var heavy = Path(Ibgp("10.0.0.2", "10.0.0.2"), Base with { LocalPref = 50 }) with { Weight = 10 };
        var preferred = Path(Ibgp("10.0.0.3", "10.0.0.3"), Base with { LocalPref = 500 });
        var result = Select(null, preferred, heavy);
        Assert.Same(heavy, result.Best);
        Assert.Equal(DecisionStep.Weight, result.Step);
        Assert.Equal("Weight", result.Reason);
    }

    [Fact]
    public void Higher_local_pref_wins_and_absent_counts_as_100()
    {
        var absent = Path(Ibgp("10.0.0.2", "10.0.0.2"), Base with { LocalPref = null });
        var ninetyNine = Path(Ibgp("10.0.0.3", "10.0.0.1"), Base with { LocalPref = 99 });
        var result = Select(null, ninetyNine, absent);
        Assert.Same(absent, result.Best);
        Assert.Equal("Local Pref", result.Reason);
    }

    [Fact]
    public void Default_local_pref_is_configurable()
    {
        var absent = Path(Ibgp("10.0.0.2", "10.0.0.2"), Base with { LocalPref = null });
        var ninetyNine = Path(Ibgp("10.0.0.3", "10.0.0.3"), Base with { LocalPref = 99 });
        var result = Select(new BestPathOptions { DefaultLocalPref = 50 }, absent, ninetyNine);
        Assert.Same(ninetyNine, result.Best);
        Assert.Equal(DecisionStep.LocalPref, result.Step);
    }

    [Fact]
    public void Locally_originated_wins_over_learned_at_equal_weight_and_local_pref()
    {
        var local = new CandidatePath(Base with { AsPath = AsPath.Empty, LocalPref = 100 }, BgpPeer.Self(65000, IPAddress.Parse("10.0.0.9")));
        var learned = Path(Ibgp("10.0.0.2", "10.0.0.1"), Base with { AsPath = AsPath.Empty, LocalPref = 100 });
        var result = Select(null, learned, local);
        Assert.Same(local, result.Best);
        Assert.Equal("Local Route", result.Reason);
    }

    [Fact]
    public void Locally_originated_factory_uses_frr_weight_32768()
    {
        var local = CandidatePath.LocallyOriginated(Base, 65000, IPAddress.Parse("10.0.0.9"));
        var learned = Path(Ibgp("10.0.0.2", "10.0.0.1"), Base with { LocalPref = 1000 });
        var result = Select(null, learned, local);
        Assert.Same(local, result.Best);
        Assert.Equal(DecisionStep.Weight, result.Step);
    }

    [Fact]
    public void Equal_local_pref_falls_through_to_shorter_as_path()
    {
        var shorter = Path(Ebgp("192.0.2.9", 65010, "9.9.9.9"), Base with { AsPath = AsPath.FromSequence(65010, 65020) });
        var longer = Path(Ebgp("192.0.2.1", 65011, "1.1.1.1"), Base with { AsPath = AsPath.FromSequence(65011, 65021, 65031) });
        var result = Select(null, longer, shorter);
        Assert.Same(shorter, result.Best);
        Assert.Equal("AS Path", result.Reason);
    }

    [Fact]
    public void An_as_set_counts_as_one_hop()
    {
        // 65010 {1,2,3,4} is two hops; 65011 65021 65031 is three.
        var withSet = Base with
        {
            AsPath = new AsPath(new[]
            {
                new AsPathSegment(AsPathSegmentType.AsSequence, new uint[] { 65010 }),
                new AsPathSegment(AsPathSegmentType.AsSet, new uint[] { 1, 2, 3, 4 }),
            }),
        };
        var set = Path(Ebgp("192.0.2.9", 65010, "9.9.9.9"), withSet);
        var sequence = Path(Ebgp("192.0.2.1", 65011, "1.1.1.1"), Base with { AsPath = AsPath.FromSequence(65011, 65021, 65031) });
        var result = Select(null, sequence, set);
        Assert.Same(set, result.Best);
        Assert.Equal(DecisionStep.AsPath, result.Step);
    }

    [Fact]
    public void Confederation_segments_do_not_count_unless_as_path_confed()
    {
        var confed = Base with
        {
            AsPath = new AsPath(new[]
            {
                new AsPathSegment(AsPathSegmentType.ConfedSequence, new uint[] { 64512, 64513, 64514 }),
                new AsPathSegment(AsPathSegmentType.AsSequence, new uint[] { 65010 }),
            }),
        };
        var viaConfed = Path(Ibgp("10.0.0.9", "10.0.0.9"), confed);
        var twoHops = Path(Ibgp("10.0.0.1", "10.0.0.1"), Base with { AsPath = AsPath.FromSequence(65010, 65020) });

        var byDefault = Select(null, twoHops, viaConfed);
        Assert.Same(viaConfed, byDefault.Best);
        Assert.Equal(DecisionStep.AsPath, byDefault.Step);

        var counted = Select(new BestPathOptions { AsPathConfed = true }, twoHops, viaConfed);
        Assert.Same(twoHops, counted.Best);
        Assert.Equal("Confederation based AS Path", counted.Reason);
    }

    [Fact]
    public void As_path_ignore_skips_length_and_origin_decides()
    {
        var longIgp = Path(Ebgp("192.0.2.9", 65010, "9.9.9.9"), Base with { AsPath = AsPath.FromSequence(65010, 1, 2, 3), Origin = Origin.Igp });
        var shortIncomplete = Path(Ebgp("192.0.2.1", 65011, "1.1.1.1"), Base with { AsPath = AsPath.FromSequence(65011), Origin = Origin.Incomplete });
        var result = Select(new BestPathOptions { AsPathIgnore = true }, shortIncomplete, longIgp);
        Assert.Same(longIgp, result.Best);
        Assert.Equal("Origin", result.Reason);
    }

    [Theory]
    [InlineData(Origin.Igp, Origin.Egp)]
    [InlineData(Origin.Egp, Origin.Incomplete)]
    [InlineData(Origin.Igp, Origin.Incomplete)]
    public void Lower_origin_wins(Origin better, Origin worse)
    {
        var good = Path(Ebgp("192.0.2.9", 65010, "9.9.9.9"), Base with { Origin = better });
        var bad = Path(Ebgp("192.0.2.1", 65011, "1.1.1.1"), Base with { Origin = worse, AsPath = AsPath.FromSequence(65011) });
        var result = Select(null, bad, good);
        Assert.Same(good, result.Best);
        Assert.Equal(DecisionStep.Origin, result.Step);
    }

    [Fact]
    public void Lower_med_wins_between_paths_from_the_same_neighbour_as()
    {
        var low = Path(Ebgp("192.0.2.9", 65010, "9.9.9.9"), Base with { MultiExitDisc = 10, AsPath = AsPath.FromSequence(65010, 1) });
        var high = Path(Ebgp("192.0.2.1", 65010, "1.1.1.1"), Base with { MultiExitDisc = 20, AsPath = AsPath.FromSequence(65010, 2) });
        var result = Select(null, high, low);
        Assert.Same(low, result.Best);
        Assert.Equal("MED", result.Reason);
    }

    [Fact]
    public void Med_is_not_compared_across_different_neighbour_ases()
    {
        // Different first AS: MED is skipped, both eBGP, so the older path wins (FRR default).
        var lowMedNewer = Path(Ebgp("192.0.2.1", 65010, "1.1.1.1"), Base with { MultiExitDisc = 0, AsPath = AsPath.FromSequence(65010) }, order: 2);
        var highMedOlder = Path(Ebgp("192.0.2.9", 65011, "9.9.9.9"), Base with { MultiExitDisc = 500, AsPath = AsPath.FromSequence(65011) }, order: 1);
        var result = Select(null, lowMedNewer, highMedOlder);
        Assert.Same(highMedOlder, result.Best);
        Assert.Equal("Older Path", result.Reason);
    }

    [Fact]
    public void Always_compare_med_compares_across_neighbour_ases()
    {
        var lowMed = Path(Ebgp("192.0.2.9", 65010, "9.9.9.9"), Base with { MultiExitDisc = 0, AsPath = AsPath.FromSequence(65010) }, order: 2);
        var highMed = Path(Ebgp("192.0.2.1", 65011, "1.1.1.1"), Base with { MultiExitDisc = 500, AsPath = AsPath.FromSequence(65011) }, order: 1);
        var result = Select(new BestPathOptions { AlwaysCompareMed = true }, highMed, lowMed);
        Assert.Same(lowMed, result.Best);
        Assert.Equal(DecisionStep.Med, result.Step);
    }

    [Fact]
    public void Missing_med_is_zero_by_default_and_worst_with_missing_as_worst()
    {
        var missing = Path(Ebgp("192.0.2.9", 65010, "9.9.9.9"), Base with { MultiExitDisc = null, AsPath = AsPath.FromSequence(65010, 1) });
        var fifty = Path(Ebgp("192.0.2.1", 65010, "1.1.1.1"), Base with { MultiExitDisc = 50, AsPath = AsPath.FromSequence(65010, 2) });

        var byDefault = Select(null, fifty, missing);
        Assert.Same(missing, byDefault.Best);
        Assert.Equal(DecisionStep.Med, byDefault.Step);

        var worst = Select(new BestPathOptions { MedMissingAsWorst = true }, fifty, missing);
        Assert.Same(fifty, worst.Best);
        Assert.Equal(DecisionStep.Med, worst.Step);
    }

    [Fact]
    public void Med_is_compared_between_internally_originated_paths()
    {
        var low = Path(Ibgp("10.0.0.9", "10.0.0.9"), Base with { AsPath = AsPath.Empty, MultiExitDisc = 1 });
        var high = Path(Ibgp("10.0.0.1", "10.0.0.1"), Base with { AsPath = AsPath.Empty, MultiExitDisc = 2 });
        Assert.Equal(DecisionStep.Med, Select(null, high, low).Step);
        Assert.Same(low, Select(null, high, low).Best);
    }

    [Fact]
    public void Ebgp_wins_over_ibgp_after_med()
    {
        var external = Path(Ebgp("192.0.2.9", 65010, "9.9.9.9"));
        var internalPath = Path(Ibgp("10.0.0.1", "1.1.1.1"));
        var result = Select(null, internalPath, external);
        Assert.Same(external, result.Best);
        Assert.Equal("Peer Type", result.Reason);
    }

    [Fact]
    public void Confederation_ebgp_ranks_with_ibgp_at_peer_type_and_beats_it_after_igp_metric()
    {
        var confedPeer = new BgpPeer(IPAddress.Parse("10.1.0.9"), 64513, IPAddress.Parse("9.9.9.9"), PeerType.ConfederationExternal);
        var confed = Path(confedPeer);
        var external = Path(Ebgp("192.0.2.9", 65010, "9.9.9.8"));
        Assert.Equal(DecisionStep.PeerType, Select(null, confed, external).Step);
        Assert.Same(external, Select(null, confed, external).Best);

        var internalCheap = Path(Ibgp("10.0.0.1", "1.1.1.1")) with { IgpMetric = 5 };
        var confedDear = confed with { IgpMetric = 10 };
        Assert.Same(internalCheap, Select(null, confedDear, internalCheap).Best);
        Assert.Equal(DecisionStep.IgpMetric, Select(null, confedDear, internalCheap).Step);

        var internalSame = Path(Ibgp("10.0.0.1", "1.1.1.1"));
        var result = Select(null, internalSame, confed);
        Assert.Same(confed, result.Best);
        Assert.Equal("Confed Peer Type", result.Reason);
    }

    [Fact]
    public void Lower_igp_metric_wins_between_ibgp_paths()
    {
        var near = Path(Ibgp("10.0.0.9", "9.9.9.9")) with { IgpMetric = 10 };
        var far = Path(Ibgp("10.0.0.1", "1.1.1.1")) with { IgpMetric = 20 };
        var result = Select(null, far, near);
        Assert.Same(near, result.Best);
        Assert.Equal("IGP Metric", result.Reason);
    }

    [Fact]
    public void Older_ebgp_path_wins_unless_compare_routerid()
    {
        var older = Path(Ebgp("192.0.2.9", 65010, "9.9.9.9"), order: 1);
        var newerLowerId = Path(Ebgp("192.0.2.1", 65010, "1.1.1.1"), order: 2);
        var byAge = Select(null, newerLowerId, older);
        Assert.Same(older, byAge.Best);
        Assert.Equal(DecisionStep.OlderPath, byAge.Step);

        var byId = Select(new BestPathOptions { CompareRouterId = true }, newerLowerId, older);
        Assert.Same(newerLowerId, byId.Best);
        Assert.Equal("Router ID", byId.Reason);
    }

    [Fact]
    public void Age_does_not_decide_between_ibgp_paths()
    {
        var olderHighId = Path(Ibgp("10.0.0.1", "9.9.9.9"), order: 1);
        var newerLowId = Path(Ibgp("10.0.0.9", "1.1.1.1"), order: 2);
        var result = Select(null, olderHighId, newerLowId);
        Assert.Same(newerLowId, result.Best);
        Assert.Equal(DecisionStep.RouterId, result.Step);
    }

    [Fact]
    public void Equal_everything_falls_to_lower_router_id()
    {
        var low = Path(Ibgp("10.0.0.9", "10.0.0.1"));
        var high = Path(Ibgp("10.0.0.1", "10.0.0.2"));
        var result = Select(null, high, low);
        Assert.Same(low, result.Best);
        Assert.Equal("Router ID", result.Reason);
    }

    [Fact]
    public void Originator_id_is_used_instead_of_router_id()
    {
        // Reflected via a reflector with the lowest router-id, but originated by 10.0.0.50.
        var reflected = Path(Ibgp("10.0.0.1", "10.0.0.1"), Base with { OriginatorId = IPAddress.Parse("10.0.0.50"), ClusterList = new[] { IPAddress.Parse("10.0.0.1") } });
        var direct = Path(Ibgp("10.0.0.9", "10.0.0.20"));
        var result = Select(null, reflected, direct);
        Assert.Same(direct, result.Best);
        Assert.Equal(DecisionStep.RouterId, result.Step);
    }

    [Fact]
    public void Shorter_cluster_list_wins_when_originators_tie()
    {
        var originator = IPAddress.Parse("10.0.0.50");
        var oneHop = Path(Ibgp("10.0.0.9", "10.0.0.9"), Base with { OriginatorId = originator, ClusterList = new[] { IPAddress.Parse("10.0.0.9") } });
        var twoHops = Path(Ibgp("10.0.0.1", "10.0.0.1"), Base with { OriginatorId = originator, ClusterList = new[] { IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.7") } });
        var result = Select(null, twoHops, oneHop);
        Assert.Same(oneHop, result.Best);
        Assert.Equal("Cluster length", result.Reason);
    }

    [Fact]
    public void Lower_peer_address_is_the_last_resort()
    {
        var originator = IPAddress.Parse("10.0.0.50");
        var cluster = new[] { IPAddress.Parse("10.0.0.7") };
        var low = Path(Ibgp("10.0.0.2", "10.0.0.2"), Base with { OriginatorId = originator, ClusterList = cluster });
        var high = Path(Ibgp("10.0.0.10", "10.0.0.10"), Base with { OriginatorId = originator, ClusterList = cluster });
        var result = Select(null, high, low);
        Assert.Same(low, result.Best);
        Assert.Equal("Neighbor IP", result.Reason);
    }

    [Fact]
    public void Runner_up_is_reported()
    {
        var best = Path(Ibgp("10.0.0.1", "10.0.0.1"), Base with { LocalPref = 300 });
        var second = Path(Ibgp("10.0.0.2", "10.0.0.2"), Base with { LocalPref = 200 });
        var third = Path(Ibgp("10.0.0.3", "10.0.0.3"), Base with { LocalPref = 200, AsPath = AsPath.FromSequence(65010, 1) });
        var result = Select(null, third, second, best);
        Assert.Same(best, result.Best);
        Assert.Same(second, result.RunnerUp);
        Assert.Equal(DecisionStep.LocalPref, result.Step);
    }

    [Fact]
    public void Outcome_does_not_depend_on_candidate_order()
    {
        // MED makes pairwise comparison non-transitive; the path list order is rebuilt from arrival.
        var candidates = new[]
        {
            Path(Ebgp("192.0.2.1", 65010, "1.1.1.1"), Base with { AsPath = AsPath.FromSequence(65010), MultiExitDisc = 100 }, order: 1),
            Path(Ebgp("192.0.2.2", 65010, "2.2.2.2"), Base with { AsPath = AsPath.FromSequence(65010), MultiExitDisc = 50 }, order: 3),
            Path(Ebgp("192.0.2.3", 65020, "3.3.3.3"), Base with { AsPath = AsPath.FromSequence(65020), MultiExitDisc = 10 }, order: 2),
            Path(Ibgp("10.0.0.4", "4.4.4.4"), Base with { AsPath = AsPath.FromSequence(65030) }, order: 0),
            Path(Ibgp("10.0.0.5", "5.5.5.5"), Base with { AsPath = AsPath.FromSequence(65030), LocalPref = 100 }, order: 4),
        };
        foreach (var options in new[] { BestPathOptions.Default, new BestPathOptions { DeterministicMed = true } })
        {
            var expected = BestPathSelector.Select(candidates, options);
            var random = new Random(42);
            for (var i = 0; i < 50; i++)
            {
                var shuffled = candidates.OrderBy(_ => random.Next()).ToArray();
                var result = BestPathSelector.Select(shuffled, options);
                Assert.Same(expected.Best, result.Best);
                Assert.Same(expected.RunnerUp, result.RunnerUp);
                Assert.Equal(expected.Step, result.Step);
            }
        }
    }

    [Fact]
    public void Deterministic_med_groups_by_neighbour_as_first()
    {
        var a = Path(Ebgp("192.0.2.1", 65010, "1.1.1.1"), Base with { AsPath = AsPath.FromSequence(65010), MultiExitDisc = 10 }, order: 3);
        var b = Path(Ebgp("192.0.2.2", 65010, "2.2.2.2"), Base with { AsPath = AsPath.FromSequence(65010), MultiExitDisc = 20 }, order: 1);
        var c = Path(Ebgp("192.0.2.3", 65020, "3.3.3.3"), Base with { AsPath = AsPath.FromSequence(65020), MultiExitDisc = 0 }, order: 2);

        // Walk newest first: A (3), C (2), B (1). A vs C: different AS, older wins -> C. C vs B: older -> B.
        Assert.Same(b, BestPathSelector.Select([a, b, c]).Best);

        // Grouped: AS 65010 -> A (MED 10); AS 65020 -> C; A vs C: C is older.
        var grouped = BestPathSelector.Select([a, b, c], new BestPathOptions { DeterministicMed = true });
        Assert.Same(c, grouped.Best);
    }

    [Fact]
    public void Compare_reports_the_deciding_step_both_ways()
    {
        var a = Path(Ibgp("10.0.0.1", "10.0.0.1"), Base with { LocalPref = 200 });
        var b = Path(Ibgp("10.0.0.2", "10.0.0.2"));
        Assert.Equal(new PathComparison(-1, DecisionStep.LocalPref), BestPathSelector.Compare(a, b));
        Assert.Equal(new PathComparison(1, DecisionStep.LocalPref), BestPathSelector.Compare(b, a));
    }
}
