using System.Text.Json;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Tests.Bgp;

public sealed class OriginMonitorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly IpPrefix Prefix = IpPrefix.Parse("93.184.216.0/24");

    private static RouteUpdate Announce(int second, string vantage, params uint[] path) =>
        new(T0.AddSeconds(second), vantage, null, Prefix, AsPath.FromSequence(path));

    private static RouteUpdate Withdraw(int second, string vantage) => new(T0.AddSeconds(second), vantage, null, Prefix, null);

    [Fact]
    public void A_new_unrelated_origin_of_a_known_prefix_is_a_possible_hijack_and_a_moas()
    {
        var monitor = new OriginMonitor();
        Assert.Empty(monitor.Observe(Announce(0, "rrc|a", 1234, 15133)));
        Assert.Empty(monitor.Observe(Announce(1, "rrc|b", 5678, 15133)));

        var findings = monitor.Observe(Announce(60, "rrc|c", 9012, 64666));

        Assert.Equal([FindingKind.OriginHijack, FindingKind.MultipleOrigins], findings.Select(f => f.Kind));
        var hijack = findings[0];
        Assert.Equal(new FindingSubject(SubjectKind.Prefix, "93.184.216.0/24"), hijack.Subject);
        Assert.Equal(0.8, hijack.Score);
        Assert.Equal(("64666", "15133", "false"), (hijack.Evidence[0].Data["origin"], hijack.Evidence[0].Data["knownOrigins"], hijack.Evidence[0].Data["related"]));
        Assert.Equal("mrt", hijack.Evidence[0].Source);
        Assert.Equal("15133,64666", findings[1].Evidence[0].Data["origins"]);
        Assert.Equal(0.7, findings[1].Score);
    }

    [Fact]
    public void An_origin_downstream_of_the_known_one_scores_low()
    {
        // As in RIPE RIS 2007: 213.83.17.0/24 from AS12732, then also from its customer AS8875 behind it.
        var monitor = new OriginMonitor();
        monitor.Observe(Announce(0, "rrc|a", 6667, 25074, 12732));

        var findings = monitor.Observe(Announce(72, "rrc|b", 6067, 174, 12732, 8875));

        Assert.All(findings, f => Assert.Equal(0.3, f.Score));
        Assert.All(findings, f => Assert.Equal("true", f.Evidence[0].Data["related"]));
    }

    [Fact]
    public void A_moas_episode_is_reported_once_until_the_prefix_is_back_to_one_origin()
    {
        var monitor = new OriginMonitor();
        monitor.Observe(Announce(0, "rrc|a", 1, 100));
        Assert.Single(monitor.Observe(Announce(1, "rrc|b", 2, 200)), f => f.Kind == FindingKind.MultipleOrigins);

        // The second origin moves between vantage points, leaves and returns: still the same episode.
        Assert.Empty(monitor.Observe(Announce(2, "rrc|c", 3, 200)));
        Assert.Empty(monitor.Observe(Withdraw(3, "rrc|b")));
        Assert.Empty(monitor.Observe(Announce(4, "rrc|b", 2, 200)));

        // Back to one origin, then a new episode.
        monitor.Observe(Withdraw(5, "rrc|b"));
        monitor.Observe(Withdraw(6, "rrc|c"));
        Assert.Empty(monitor.Of(Prefix)!.OpenMultipleOrigins);
        var again = monitor.Observe(Announce(7, "rrc|b", 2, 200));
        Assert.Single(again, f => f.Kind == FindingKind.MultipleOrigins);
        Assert.DoesNotContain(again, f => f.Kind == FindingKind.OriginHijack); // AS200 is no longer new
    }

    [Fact]
    public void A_probation_keeps_a_prefix_seen_moments_ago_from_counting_as_known()
    {
        var monitor = new OriginMonitor(new OriginMonitorOptions { MinimumKnownAge = TimeSpan.FromMinutes(5) });
        monitor.Observe(Announce(0, "rrc|a", 1, 100));

        Assert.DoesNotContain(monitor.Observe(Announce(60, "rrc|b", 2, 200)), f => f.Kind == FindingKind.OriginHijack);
        Assert.Contains(monitor.Observe(Announce(400, "rrc|b", 3, 300)), f => f.Kind == FindingKind.OriginHijack);
    }

    [Fact]
    public void Memory_is_bounded_by_prefixes_and_origins_per_prefix()
    {
        var monitor = new OriginMonitor(new OriginMonitorOptions { MaxPrefixes = 2, MaxOriginsPerPrefix = 3 });
        for (uint i = 0; i < 5; i++)
        {
            monitor.Observe(new RouteUpdate(T0, "rrc|a", null, IpPrefix.FromIPv4(0x0A000000 + (i << 8), 24), AsPath.FromSequence(1, 100)));
        }

        for (uint origin = 1; origin <= 6; origin++)
        {
            monitor.Observe(new RouteUpdate(T0.AddSeconds(origin), "rrc|a", null, IpPrefix.Parse("10.0.0.0/24"), AsPath.FromSequence(1, origin + 100)));
        }

        Assert.Equal(2, monitor.TrackedPrefixes);
        Assert.Equal(3, monitor.Untracked);
        Assert.Equal(new uint[] { 104, 105, 106 }, monitor.Of(IpPrefix.Parse("10.0.0.0/24"))!.Seen.Select(s => s.Origin).Order());
    }

    [Fact]
    public void A_snapshot_survives_json_and_restores_the_same_behaviour()
    {
        var monitor = new OriginMonitor();
        monitor.Observe(Announce(0, "rrc|a", 1234, 15133));
        monitor.Observe(Announce(1, "rrc|b", 5678, 64666));

        var json = JsonSerializer.Serialize(monitor.Snapshot());
        var restored = OriginMonitor.Restore(JsonSerializer.Deserialize<OriginMonitorSnapshot>(json)!);

        Assert.Equal(json, JsonSerializer.Serialize(restored.Snapshot()));
        // The open episode and the known origins came back: nothing new to report for them, but a third origin is.
        Assert.Empty(restored.Observe(Announce(2, "rrc|c", 9012, 64666)));
        Assert.Equal(2, restored.Observe(Announce(3, "rrc|d", 9012, 65550)).Length);
    }
}
