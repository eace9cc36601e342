using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Scenarios;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Tests;

/// <summary>
/// The incremental == full property on a table large enough for the engine to propagate whole-session changes by
/// prefix class: ISP-A announces a few thousand prefixes over a handful of AS paths, ISP-B part of them with its own.
/// </summary>
public sealed class FullTablePropertyTests
{
    private const int Count = 5_000;

    private static readonly Lazy<NetworkTopology> s_topology = new(Build);
    private static readonly Lazy<TwinState> s_state = new(() => TwinState.Converge(s_topology.Value));

    public static TheoryData<string, string, string?, string?, long?, long?> Changes() => new()
    {
        { "R1", "LOCAL_PREF_ADJUST", "ISP-A", null, 200, null },
        { "R2", "LOCAL_PREF_ADJUST", "ISP-B", null, 200, null },
        { "R1", "LOCAL_PREF_ADJUST", "ISP-B", null, 300, null },
        { "R1", "MED_ADJUST", "R3", "out", null, 500 },
        { "R1", "AS_PATH_PREPEND", "R3", "out", null, null },
        { "R3", "PEER_DEACTIVATE", "R1", null, null, null },
        { "R1", "DEPEER", "ISP-A", null, null, null },
        { "R2", "ISP_FAILOVER", "ISP-B", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Whole_table_changes_match_full_recomputation(string router, string action, string? peer, string? direction, long? localPref, long? med)
    {
        var parameters = new ActionParameters { Peer = peer, Direction = direction, LocalPref = localPref, Med = med };
        var result = WhatIfEngine.Run(s_state.Value, Seed.Change(router, action, parameters));
        Assert.False(result.Invalid, string.Join("; ", result.Errors));
        Assert.Empty(Seed.Differences(result.After!.Recompute(), result.After!));
        Assert.Equal(0, s_state.Value.OverlayEntries);
    }

    [Fact]
    public void Stacked_whole_table_changes_match_full_recomputation()
    {
        var first = WhatIfEngine.Run(s_state.Value, Seed.Change("R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-A", LocalPref = 200 }));
        var second = WhatIfEngine.Run(first.After!, Seed.Change("R2", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-B", LocalPref = 250 }));
        Assert.Empty(Seed.Differences(second.After!.Recompute(), second.After!));
        Assert.Empty(Seed.Differences(first.After!.Recompute(), first.After!));
    }

    [Fact]
    public void Generated_failures_match_full_recomputation()
    {
        foreach (var scenario in FailureScenarioGenerator.Generate(s_topology.Value, 3, 6, maxFailuresPerScenario: 2))
        {
            var result = WhatIfEngine.Run(s_state.Value, scenario.Request);
            Assert.False(result.Invalid, scenario + ": " + string.Join("; ", result.Errors));
            var differences = Seed.Differences(result.After!.Recompute(), result.After!);
            Assert.True(differences.Count == 0, $"{scenario}:\n{string.Join('\n', differences.Take(5))}");
        }
    }

    [Fact]
    public void A_whole_table_change_reports_every_change_once()
    {
        var result = WhatIfEngine.Run(s_state.Value, Seed.Change("R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-A", LocalPref = 200 }),
            WhatIfOptions.Default with { MaxReportedChanges = 100_000 });
        var pairs = result.Changes.Select(c => (c.Router, c.Prefix)).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.All(result.Changes, c => Assert.Equal(200u, c.After!.LocalPref));
        Assert.True(pairs.Count >= Count * 4, $"{pairs.Count} changes");
    }

    private static NetworkTopology Build()
    {
        var seed = Seed.Topology;
        var announcementsA = new List<IspAnnouncement>(seed.Isp("ISP-A")!.Announcements);
        var announcementsB = new List<IspAnnouncement>(seed.Isp("ISP-B")!.Announcements);
        for (var i = 0; i < Count; i++)
        {
            var prefix = IpPrefix.FromIPv4((16u << 24) + ((uint)i << 8), 24);
            announcementsA.Add(new IspAnnouncement(prefix, [3356, 64512u + (uint)(i % 7)], null));
            if (i % 3 == 0)
            {
                announcementsB.Add(new IspAnnouncement(prefix, i % 2 == 0 ? [64512u + (uint)(i % 7)] : [174, 2914, 64512u + (uint)(i % 7)], (uint)(i % 5)));
            }
        }

        var isps = seed.Isps.Select(i => i.Id switch
        {
            "ISP-A" => i with { Announcements = announcementsA },
            "ISP-B" => i with { Announcements = announcementsB },
            _ => i,
        }).ToList();
        return seed with { Isps = isps };
    }
}
