using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Tests.Bgp;

/// <summary>
/// The detectors over the real BGP4MP update files of RIPE RIS and RouteViews in shared/data. Every expectation here
/// was read off the data (paths, origins, times), not made up.
/// </summary>
public sealed class MrtDetectorTests
{
    private const string Linx2007 = "updates.20070211.0141.gz";
    private const string Ixp2010 = "updates.20100722.2015.gz";
    private const string FullTable2015 = "updates.et-header.2015.gz";

    [Fact]
    public void Linx_2007_holds_six_prefixes_with_two_origins_at_once()
    {
        var replay = MrtReplay.Of(Linx2007);
        var moas = replay.Of(FindingKind.MultipleOrigins);

        Assert.Equal(53_506, replay.PrefixUpdates);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["195.35.110.0/23"] = "100,15776",
                ["200.0.180.0/24"] = "12127,27785",
                ["200.7.160.0/20"] = "6568,26210",
                ["209.167.108.0/24"] = "11486,13657",
                ["212.105.128.0/19"] = "100,15776",
                ["213.83.17.0/24"] = "8875,12732",
            },
            moas.GroupBy(f => f.Subject.Id).ToDictionary(g => g.Key, g => g.First().Evidence[0].Data["origins"]));
        // Three prefixes flip back to one origin and return to two: nine episodes in all.
        Assert.Equal(9, moas.Count);

        // 209.167.108.0/24: AS11486 behind 701 on one LINX session, AS13657 behind 8001 on the other — unrelated origins.
        var unrelated = moas.First(f => f.Subject.Id == "209.167.108.0/24");
        Assert.Equal(0.7, unrelated.Score);
        Assert.Contains("AS11486: 8426 6461 701 11486 on rrc|195.66.226.66", unrelated.Evidence[0].Description, StringComparison.Ordinal);
        Assert.Contains("AS13657: 8426 8001 13657 on rrc|195.66.224.66", unrelated.Evidence[0].Description, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2007, 2, 11, 1, 45, 43, TimeSpan.Zero), unrelated.At);

        // 213.83.17.0/24: AS8875 is announced behind AS12732 (6067 174 12732 8875): a customer, scored low.
        Assert.All(moas.Where(f => f.Subject.Id == "213.83.17.0/24"), f => Assert.Equal(0.3, f.Score));
    }

    [Fact]
    public void Linx_2007_new_origins_are_the_second_origin_of_each_moas_prefix()
    {
        var hijacks = MrtReplay.Of(Linx2007).Of(FindingKind.OriginHijack);

        Assert.Equal(
            ["195.35.110.0/23 15776", "200.0.180.0/24 27785", "200.7.160.0/20 26210", "209.167.108.0/24 13657", "212.105.128.0/19 15776", "213.83.17.0/24 8875"],
            hijacks.Select(f => $"{f.Subject.Id} {f.Evidence[0].Data["origin"]}").Order(StringComparer.Ordinal));
        var unrelated = hijacks.Where(f => f.Score == 0.8).Select(f => f.Subject.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["200.0.180.0/24", "200.7.160.0/20", "209.167.108.0/24"], unrelated);
    }

    [Fact]
    public void Linx_2007_leaks_by_the_tier1_rule_are_all_ipv6_mostly_through_as6175()
    {
        var leaks = MrtReplay.Of(Linx2007).Of(FindingKind.RouteLeak);

        Assert.Equal(204, leaks.Count);
        Assert.All(leaks, l => Assert.True(IpPrefix.Parse(l.Subject.Id).IsIPv6));
        Assert.Equal(
            new Dictionary<string, int> { ["6175"] = 196, ["1273"] = 5, ["6939"] = 2, ["2497"] = 1 },
            leaks.GroupBy(l => l.Evidence[0].Data["leaker"]).ToDictionary(g => g.Key, g => g.Count()));
        var example = leaks.Single(l => l.Subject.Id == "2001:4018::/32");
        Assert.Equal("3356 6175 6830 1273 9150", example.Evidence[0].Data["path"]);
        Assert.Equal("Route leak of 2001:4018::/32: AS6175 passed a route from its provider AS6830 to its provider AS3356", example.Summary);
        Assert.Equal("tier1", example.Evidence[0].Data["inference"]);
    }

    [Fact]
    public void Linx_2007_more_specifics_inside_other_origins_space()
    {
        var moreSpecifics = MrtReplay.Of(Linx2007).Of(FindingKind.MoreSpecificHijack);

        Assert.Equal(32, moreSpecifics.Count);
        var example = moreSpecifics.Single(f => f.Subject.Id == "64.21.121.0/24");
        Assert.Equal(("64.21.0.0/17", "8001", "23131", "8426 1299 23131"), (example.Evidence[0].Data["covering"], example.Evidence[0].Data["owners"], example.Evidence[0].Data["origin"], example.Evidence[0].Data["path"]));
    }

    [Fact]
    public void Linx_2007_churn_storms_are_bursts_against_each_sessions_own_rate()
    {
        var storms = MrtReplay.Of(Linx2007).Of(FindingKind.ChurnStorm);

        Assert.Equal(
            ["01:45:00 rrc|195.66.226.66 306", "01:46:00 rrc|195.66.226.64 204", "01:46:30 rrc|195.66.224.83 233", "01:47:00 rrc|195.66.224.66 532", "01:50:30 rrc|195.66.224.83 238"],
            storms.Select(s => $"{s.At:HH:mm:ss} {s.Subject.Id} {s.Evidence[0].Data["count"]}"));
        // AS6067's two sessions send ~570 prefixes every 30 s all along: loud, but their normal — no storm.
        Assert.DoesNotContain(storms, s => s.Subject.Id.EndsWith(".35", StringComparison.Ordinal));
    }

    [Fact]
    public void Ixp_2010_one_moas_no_leaks_and_no_session_ever_established()
    {
        var replay = MrtReplay.Of(Ixp2010);

        var moas = Assert.Single(replay.Of(FindingKind.MultipleOrigins));
        Assert.Equal(("62.100.192.0/19", "3257,46284"), (moas.Subject.Id, moas.Evidence[0].Data["origins"]));
        Assert.Contains("AS3257: 286 3257 on rrc|193.203.0.97", moas.Evidence[0].Description, StringComparison.Ordinal);
        Assert.Empty(replay.Of(FindingKind.RouteLeak));
        // 40 STATE_CHANGE records, all Active <-> Connect of peers that never came up: no session went down.
        Assert.Equal(40, replay.StateChanges);
        Assert.Empty(replay.Of(FindingKind.SessionDown));
        Assert.Equal(["rrc|193.203.0.1", "rrc|193.203.0.124", "rrc|193.203.0.134"], replay.Of(FindingKind.ChurnStorm).Select(s => s.Subject.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Full_table_2015_transfer_is_no_storm_and_shows_leaks_and_more_specifics()
    {
        var replay = MrtReplay.Of(FullTable2015);

        Assert.Equal(577_740, replay.PrefixUpdates);
        Assert.Equal(577_706, replay.Origins.TrackedPrefixes);
        // The session comes up at 02:01:26 and the whole table follows within 30 s: a transfer, not a storm.
        Assert.Empty(replay.Of(FindingKind.ChurnStorm));
        Assert.Empty(replay.Of(FindingKind.MultipleOrigins)); // one vantage point sees one origin per prefix
        var leaks = replay.Of(FindingKind.RouteLeak);
        Assert.Equal(11, leaks.Count);
        Assert.Equal(10, leaks.Count(l => l.Evidence[0].Data["leaker"] == "45474"));
        Assert.Contains(leaks, l => l.Subject.Id == "58.64.149.0/24" && l.Evidence[0].Data["path"] == "2914 6453 45474 174 17444");
        // Learned ownership in one table: more-specifics whose origin is neither the covering prefix's nor behind it.
        var moreSpecifics = replay.Of(FindingKind.MoreSpecificHijack);
        Assert.Equal(34_169, moreSpecifics.Count);
        Assert.Contains(moreSpecifics, f => f.Subject.Id == "1.2.3.0/29" && f.Evidence[0].Data["covering"] == "1.2.3.0/24" && f.Evidence[0].Data["origin"] == "49");
    }
}
