using System.Globalization;
using System.Text.Json;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Tests;

/// <summary>
/// One twin serving many callers: large requests give exactly what their changes give one by one, are bounded, can be
/// cancelled, and what-ifs running at once on one baseline give what they give one after the other.
/// </summary>
public sealed class ManyChangesTests
{
    private static readonly string[] s_routers = ["R1", "R2", "R3", "R4", "R5"];

    // A few thousand ISP-A prefixes: enough for whole-session refreshes to go by prefix class and for chunks to be shared.
    private static readonly Lazy<NetworkTopology> s_table = new(() => WithTable(Seed.Topology, 6_000));
    private static readonly Lazy<TwinState> s_tableState = new(() => TwinState.Converge(s_table.Value));

    private static List<TwinChange> RandomChanges(TwinState state, int seed, int count)
    {
        var random = new Random(seed);
        var prefixes = state.Prefixes.ToList();
        var sessions = state.Model.Nodes.Where(n => n.IsOurs).SelectMany(n => n.Sessions.Select(s => (Router: n.Id, Peer: s.PeerId))).ToList();
        var changes = new List<TwinChange>();
        for (var i = 0; i < count; i++)
        {
            var (router, peer) = sessions[random.Next(sessions.Count)];
            var scoped = random.Next(3) > 0 ? [prefixes[random.Next(prefixes.Count)].ToString()] : (System.Collections.Immutable.ImmutableArray<string>?)null;
            var parameters = new ActionParameters { Peer = peer, Prefixes = scoped };
            changes.Add(random.Next(10) switch
            {
                < 4 => new CatalogueChange(router, "LOCAL_PREF_ADJUST", parameters with { LocalPref = random.Next(50, 300) }),
                < 6 => new CatalogueChange(router, "MED_ADJUST", parameters with { Med = random.Next(0, 1000), Direction = "out" }),
                < 7 => new CatalogueChange(router, "AS_PATH_PREPEND", parameters with { PrependCount = random.Next(1, 3), Direction = "out" }),
                < 8 => new CatalogueChange(router, "COMMUNITY_TAG", parameters with { Community = "65001:" + random.Next(1, 50).ToString(CultureInfo.InvariantCulture), Direction = "out" }),
                < 9 => new CatalogueChange(router, random.Next(2) == 0 ? "PEER_DEACTIVATE" : "PEER_ACTIVATE", new ActionParameters { Peer = peer }),
                _ => new LinkStateChange(router, peer, random.Next(2) == 0),
            });
        }

        return changes;
    }

    [Theory]
    [InlineData(1, 300)]
    [InlineData(2, 1_000)]
    public void A_request_of_many_changes_ends_where_a_full_recomputation_ends(int seed, int count)
    {
        var result = WhatIfEngine.Run(Seed.State, new WhatIfRequest(RandomChanges(Seed.State, seed, count)));
        Assert.False(result.Invalid, string.Join("; ", result.Errors.Take(5)));
        var differences = Seed.Differences(result.After!.Recompute(), result.After);
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(20)));
    }

    [Fact]
    public void Many_changes_in_one_request_give_what_they_give_one_request_at_a_time()
    {
        var changes = RandomChanges(Seed.State, 7, 60);
        var together = WhatIfEngine.Run(Seed.State, new WhatIfRequest(changes)).After!;
        var state = Seed.State;
        foreach (var change in changes)
        {
            state = WhatIfEngine.Run(state, new WhatIfRequest([change])).After!;
        }

        Assert.Empty(Seed.Differences(state, together));
    }

    [Fact]
    public void Thousands_of_per_prefix_edits_on_a_table_match_full_recomputation()
    {
        var state = s_tableState.Value;
        var prefixes = state.Prefixes.Where(p => p.ToString().StartsWith("16.", StringComparison.Ordinal)).Take(3_000).ToList();
        var changes = prefixes.Select((p, i) => (TwinChange)new CatalogueChange("R1", "LOCAL_PREF_ADJUST",
            new ActionParameters { Peer = "ISP-A", LocalPref = 100 + (i % 150), Prefixes = [p.ToString()] })).ToList();
        var result = WhatIfEngine.Run(state, new WhatIfRequest(changes));
        Assert.False(result.Invalid, string.Join("; ", result.Errors.Take(5)));
        Assert.Equal(249u, result.After!.Best("R4", prefixes[149])!.Attributes.LocalPref);
        Assert.Empty(Seed.Differences(result.After.Recompute(), result.After));
        Assert.Single(result.Warnings, w => w.Contains("and 2997 more edit the same neighbour policy", StringComparison.Ordinal));
    }

    [Fact]
    public void More_changes_than_the_limit_are_refused_by_the_reader_and_by_the_engine()
    {
        var many = Enumerable.Range(0, WhatIfLimits.MaxChanges + 1).Select(_ => (TwinChange)new CatalogueChange("R1", "NO_ACTION", new ActionParameters())).ToList();
        var result = WhatIfEngine.Run(Seed.State, new WhatIfRequest(many));
        Assert.True(result.Invalid);
        Assert.Equal("changes: 10001 changes; at most 10000 fit in one what-if", Assert.Single(result.Errors));

        var json = "{\"changes\": [" + string.Join(',', Enumerable.Repeat("""{"router":"R1","action":"NO_ACTION"}""", WhatIfLimits.MaxChanges + 1)) + "]}";
        using var document = JsonDocument.Parse(json);
        var request = WhatIfRequest.FromJson(document.RootElement, out var errors);
        Assert.Empty(request.Changes);
        Assert.Equal("changes: 10001 changes; at most 10000 fit in one what-if", Assert.Single(errors));

        var listed = new ActionParameters { Peer = "ISP-A", LocalPref = 150, Prefixes = [.. Enumerable.Range(0, 60_000).Select(i => $"10.{i >> 8 & 255}.{i & 255}.0/24")] };
        var tooMany = WhatIfEngine.Run(Seed.State, new WhatIfRequest([new CatalogueChange("R1", "LOCAL_PREF_ADJUST", listed), new CatalogueChange("R2", "LOCAL_PREF_ADJUST", listed with { Peer = "ISP-B" })]));
        Assert.Contains("120000 prefixes listed", Assert.Single(tooMany.Errors), StringComparison.Ordinal);

        using var empty = JsonDocument.Parse("""{ "changes": [] }""");
        WhatIfRequest.FromJson(empty.RootElement, out var emptyErrors);
        Assert.StartsWith("changes: is empty", Assert.Single(emptyErrors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_caller_stops_the_work()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => WhatIfEngine.Run(Seed.State, Seed.Change("R1", "NO_ACTION", new()), null, cancelled.Token));

        // The token reaches the propagation loops themselves: Propagate has no check of its own before them.
        var state = s_tableState.Value;
        var fork = state.Fork();
        fork.SetLinkState(0, up: false);
        Assert.ThrowsAny<OperationCanceledException>(() => fork.Propagate(cancelled.Token));

        // Cancelled while a whole-table change runs: it either finished first or gave up; the baseline is untouched either way.
        using var soon = new CancellationTokenSource();
        var request = Seed.Change("R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-A", LocalPref = 200 });
        var task = Task.Run(() => WhatIfEngine.Run(state, request, null, soon.Token));
        soon.Cancel();
        var error = Record.Exception(() => task.GetAwaiter().GetResult());
        Assert.True(error is null or OperationCanceledException, error?.ToString());
        Assert.Equal(0, state.OverlayEntries);
        Assert.False(WhatIfEngine.Run(state, request).Invalid);
    }

    [Fact]
    public void Concurrent_what_ifs_on_one_baseline_give_the_sequential_results()
    {
        var baseline = s_tableState.Value;
        var traffic = new WhatIfOptions { Traffic = [new TrafficVolume(IpPrefix.Parse("8.8.8.0/24"), 1e8), new TrafficVolume(IpPrefix.Parse("172.16.10.0/24"), 5e7, "ISP-B")] };
        var requests = new List<WhatIfRequest>
        {
            Seed.Change("R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-A", LocalPref = 200 }),
            Seed.Change("R2", "ISP_FAILOVER", new ActionParameters { Peer = "ISP-B" }),
            Seed.Change("R1", "AS_PATH_PREPEND", new ActionParameters { Peer = "ISP-B", PrependCount = 2 }),
            Seed.Change("R3", "PEER_DEACTIVATE", new ActionParameters { Peer = "R1" }),
            new([new LinkStateChange("R1", "ISP-A", false), new PrefixWithdrawal("ISP-C", IpPrefix.Parse("104.16.0.0/13"))]),
            new([new RouterDown("R2")]),
            new(RandomChanges(baseline, 11, 200)),
            Seed.Change("R1", "MED_ADJUST", new ActionParameters { Peer = "ISP-B", Med = 300 }),
        };
        var sequential = requests.Select(r => Fingerprint(WhatIfEngine.Run(baseline, r, traffic))).ToList();

        var concurrent = new string[requests.Count * 3];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => concurrent[i] = Fingerprint(WhatIfEngine.Run(baseline, requests[i % requests.Count], traffic)));

        for (var i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(sequential[i % requests.Count], concurrent[i]);
        }

        Assert.Equal(0, baseline.OverlayEntries);
    }

    [Fact]
    public void A_finished_what_if_is_sealed_and_forks_like_a_baseline()
    {
        var first = WhatIfEngine.Run(Seed.State, Seed.Change("R2", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-B", LocalPref = 200 }));
        var before = Fingerprint(WhatIfEngine.Run(first.After!, Seed.Change("R1", "PEER_DEACTIVATE", new ActionParameters { Peer = "ISP-A" })));
        Parallel.For(0, 8, _ => WhatIfEngine.Run(first.After!, Seed.Change("R2", "PEER_DEACTIVATE", new ActionParameters { Peer = "ISP-C" })));
        Assert.Equal(before, Fingerprint(WhatIfEngine.Run(first.After!, Seed.Change("R1", "PEER_DEACTIVATE", new ActionParameters { Peer = "ISP-A" }))));
        Assert.Empty(Seed.Differences(first.After!.Recompute(), first.After!));
    }

    // Everything a caller sees except the time it took.
    private static string Fingerprint(WhatIfResult result) =>
        JsonSerializer.Serialize(result with { SimulationMs = 0 }) + string.Join('\n', s_routers.SelectMany(r =>
            result.After!.Prefixes.Select(p => $"{r} {p} {result.After.Best(r, p)?.Attributes.GetHashCode()}")));

    internal static NetworkTopology WithTable(NetworkTopology seed, int count)
    {
        var ispA = seed.Isp("ISP-A")!;
        var ispB = seed.Isp("ISP-B")!;
        var a = new List<IspAnnouncement>(ispA.Announcements);
        var b = new List<IspAnnouncement>(ispB.Announcements);
        for (var i = 0; i < count; i++)
        {
            var prefix = IpPrefix.FromIPv4((16u << 24) + ((uint)i << 8), 24);
            a.Add(new IspAnnouncement(prefix, [3356, 64512u + (uint)(i % 7)], null));
            if (i % 3 == 0)
            {
                b.Add(new IspAnnouncement(prefix, [174, 64512u + (uint)(i % 7)], null));
            }
        }

        return seed with { Isps = seed.Isps.Select(i => i.Id == "ISP-A" ? i with { Announcements = a } : i.Id == "ISP-B" ? i with { Announcements = b } : i).ToList() };
    }
}
