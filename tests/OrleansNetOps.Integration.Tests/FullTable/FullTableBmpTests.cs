using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using OrleansNetOps.Lab;
using OrleansNetOps.Lab.Host;
using OrleansNetOps.Topology;
using Xunit.Abstractions;

namespace OrleansNetOps.Integration.Tests.FullTable;

/// <summary>
/// A real FRR router takes a full IPv4 table (1,000,000 prefixes) over eBGP from the test's speaker and streams it over
/// BMP, pre- and post-policy (2,000,000 Route Monitoring messages), to the real service. Its sysName matches nothing in
/// the topology; its router-id is R1's. All of it — routes and the session — must land on R1.
/// </summary>
public sealed class FullTableBmpTests(ITestOutputHelper output)
{
    private const int TableSize = 1_000_000;
    private const uint FeedAs = 64500;
    private const string TopologyRouter = "R1";

    // Matches no hostname in topology.yaml: only the BGP identifier in the Peer Up can name the router.
    private const string SysName = "fulltable-edge";

    private static readonly TimeSpan s_sessionLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_frrLimit = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan s_siloLimit = TimeSpan.FromSeconds(200);

    [Fact]
    public async Task A_real_FRR_full_table_lands_whole_on_the_topology_router_with_its_router_id()
    {
        Assert.True(HostProcesses.IsRoot, "the lab tests need root (network namespaces, veths, bgpd)");
        var topology = TopologyLoader.LoadFile(LabWithSilo.RepositoryFile("silo-config", "topology.yaml"));
        var router = topology.Router(TopologyRouter)!;
        Assert.DoesNotContain(topology.Routers, r => r.Hostname == SysName);

        var silo = await LabWithSilo.StartSiloAsync(topology);
        var lab = new FullTableLab(new LabOptions(string.Create(CultureInfo.InvariantCulture, $"full{Environment.ProcessId % 100000}"), LabWithSilo.BmpPortOf(silo)),
            SysName, router.RouterId, topology.Asn, FeedAs);
        try
        {
            using var api = new HttpClient { BaseAddress = new Uri(silo.Urls.First()), Timeout = TimeSpan.FromSeconds(120) };
            await lab.UpAsync();
            await RunAsync(lab, api);
        }
        finally
        {
            await lab.DownAsync();
            await silo.StopAsync();
            await silo.DisposeAsync();
        }
    }

    private async Task RunAsync(FullTableLab lab, HttpClient api)
    {
        var feedAddress = FullTableLab.FeedAddress.ToString();
        var clock = Stopwatch.StartNew();
        await using var speaker = await EstablishAsync(lab);
        Log($"feed session established after {clock.Elapsed.TotalSeconds:0.0} s (FRR hold time {speaker.PeerOpen.HoldTime} s)");

        var (heapBefore, workingSetBefore) = Memory();
        var feedClock = Stopwatch.StartNew();
        var feeding = Task.Run(() => speaker.AnnounceAsync(SyntheticIpv4Table.Updates(TableSize, FeedAs, FullTableLab.FeedAddress), CancellationToken.None));

        await WaitForAsync("FRR receiving the table", feedClock, s_frrLimit, async () =>
        {
            Fail(speaker, feeding);
            var (state, prefixes) = await lab.FeedSessionAsync();
            return prefixes == TableSize && state == "Established" ? null : $"FRR session {state}, {prefixes:N0} prefixes";
        });
        var frrHolds = feedClock.Elapsed;
        Log($"FRR holds {TableSize:N0} prefixes {frrHolds.TotalSeconds:0.0} s after the first UPDATE ({await feeding:N0} announced in {SyntheticIpv4Table.Updates(TableSize, FeedAs, FullTableLab.FeedAddress).Count():N0} UPDATEs)");

        await WaitForAsync("the silo receiving the table over BMP", feedClock, s_siloLimit, async () =>
        {
            Fail(speaker, feeding);
            var detail = await LabWithSilo.GetJsonAsync(api, $"/api/v1/routers/{TopologyRouter}");
            var held = detail.GetProperty("routesHeld").GetInt64();
            var peer = detail.GetProperty("peers").EnumerateArray().FirstOrDefault(p => p.GetProperty("peerAddress").GetString() == feedAddress);
            var received = peer.ValueKind == JsonValueKind.Object ? peer.GetProperty("prefixesReceived").GetInt64() : -1;
            if (held == 2L * TableSize && received == TableSize)
            {
                return null;
            }

            // Routes that landed on another router (the sysName's, say) are named in the failure.
            var elsewhere = (await LabWithSilo.GetJsonAsync(api, "/api/v1/routers")).EnumerateArray()
                .Where(r => r.GetProperty("id").GetString() != TopologyRouter && r.GetProperty("routesHeld").GetInt64() > 0)
                .Select(r => $"{r.GetProperty("id").GetString()} holds {r.GetProperty("routesHeld").GetInt64():N0}");
            return $"{TopologyRouter} holds {held:N0} routes, feed session {received:N0} prefixes received; elsewhere: [{string.Join(", ", elsewhere)}]";
        });
        var siloHolds = feedClock.Elapsed;
        Log($"the silo holds the table {siloHolds.TotalSeconds:0.0} s after the first UPDATE ({(siloHolds - frrHolds).TotalSeconds:0.0} s after FRR)");

        var (heapAfter, workingSetAfter) = Memory();
        Log($"silo process (test host): GC heap {heapBefore / 1e6:N0} MB → {heapAfter / 1e6:N0} MB (+{(heapAfter - heapBefore) / (2.0 * TableSize):N0} B per route), " +
            $"working set {workingSetBefore / 1e6:N0} MB → {workingSetAfter / 1e6:N0} MB");

        // Everything on one router: R1, by its router-id; nothing under the sysName.
        var routers = await LabWithSilo.GetJsonAsync(api, "/api/v1/routers");
        Assert.DoesNotContain(routers.EnumerateArray(), r => r.GetProperty("id").GetString() == SysName);
        var holding = routers.EnumerateArray().Where(r => r.GetProperty("routesHeld").GetInt64() > 0).Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(new[] { TopologyRouter }, holding);
        var listed = routers.EnumerateArray().Single(r => r.GetProperty("id").GetString() == TopologyRouter);
        Assert.Equal("bmp", listed.GetProperty("source").GetString());
        Assert.Equal("up", listed.GetProperty("status").GetString());
        Assert.Equal(SysName, listed.GetProperty("hostname").GetString());

        var peers = await LabWithSilo.GetJsonAsync(api, $"/api/v1/routers/{TopologyRouter}/peers");
        var session = Assert.Single(peers.EnumerateArray());
        Assert.Equal(feedAddress, session.GetProperty("peerAddress").GetString());
        Assert.Equal("established", session.GetProperty("state").GetString());
        Assert.Equal(FeedAs, session.GetProperty("peerAs").GetUInt32());
        Assert.Equal(feedAddress, session.GetProperty("peerRouterId").GetString());
        Assert.Equal(TableSize, session.GetProperty("prefixesReceived").GetInt32());

        foreach (var view in new[] { "adj-in-pre", "adj-in-post" })
        {
            var countClock = Stopwatch.StartNew();
            var rib = await LabWithSilo.GetJsonAsync(api, $"/api/v1/routers/{TopologyRouter}/rib?afi=ipv4&view={view}&peer={feedAddress}&limit=1");
            Log($"{view}: total {rib.GetProperty("total").GetInt32():N0} routes (query {countClock.Elapsed.TotalSeconds:0.0} s)");
            Assert.Equal(TableSize, rib.GetProperty("total").GetInt32());
        }

        const int spot = 123_457;
        var prefix = SyntheticIpv4Table.Prefixes(spot + 1).Last();
        foreach (var view in new[] { "adj-in-pre", "adj-in-post" })
        {
            var rib = await LabWithSilo.GetJsonAsync(api, $"/api/v1/routers/{TopologyRouter}/rib?afi=ipv4&view={view}&prefix={prefix}");
            var route = Assert.Single(rib.GetProperty("routes").EnumerateArray());
            Assert.Equal(prefix.ToString(), route.GetProperty("prefix").GetString());
            Assert.Equal(SyntheticIpv4Table.PathOf(spot, FeedAs), route.GetProperty("asPath").EnumerateArray().Select(a => a.GetUInt32()));
            Assert.Equal(SyntheticIpv4Table.MedOf(spot), route.GetProperty("med").GetUInt32());
            Assert.Equal(feedAddress, route.GetProperty("nextHop").GetString());
            Assert.Equal("igp", route.GetProperty("origin").GetString());
            Assert.True(route.GetProperty("best").GetBoolean(), $"{prefix} has one path, so it is the best");
        }

        // Every Route Monitoring message FRR sent arrived and parsed (the collector counts every BMP message type).
        var monitoringSent = await lab.RouteMonitoringSentAsync();
        var collectors = await LabWithSilo.GetJsonAsync(api, "/api/v1/collectors");
        var bmp = collectors.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "bmp");
        var received = bmp.GetProperty("received").GetInt64();
        var parsed = bmp.GetProperty("parsed").GetInt64();
        Log($"FRR sent {monitoringSent:N0} Route Monitoring messages; the BMP collector received {received:N0} BMP messages, parsed {parsed:N0}, rejected {bmp.GetProperty("rejected")}");
        Assert.True(monitoringSent >= 2L * TableSize, $"FRR sent {monitoringSent:N0} Route Monitoring messages for {TableSize:N0} prefixes pre- and post-policy");
        Assert.True(received >= monitoringSent, $"the collector received {received:N0} BMP messages, fewer than FRR's {monitoringSent:N0} Route Monitoring messages");
        Assert.True(parsed >= monitoringSent, $"the router parsed {parsed:N0} BMP messages, fewer than FRR's {monitoringSent:N0} Route Monitoring messages");
        Assert.Empty(bmp.GetProperty("rejected").EnumerateObject());
        Fail(speaker, feeding);
    }

    private async Task<BgpFeedSpeaker> EstablishAsync(FullTableLab lab)
    {
        // bgpd accepts connections once it has read its configuration; until then the relay's connection is refused.
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var stream = await lab.ConnectFeedAsync(attempt.Token);
            try
            {
                return await BgpFeedSpeaker.EstablishAsync(stream, FeedAs, FullTableLab.FeedAddress, holdTime: 90, attempt.Token);
            }
            catch (Exception error) when (error is IOException or EndOfStreamException or OperationCanceledException or InvalidOperationException)
            {
                await stream.DisposeAsync();
                Assert.True(clock.Elapsed < s_sessionLimit,
                    $"stage 'the feed session to FRR' did not finish within {s_sessionLimit.TotalSeconds:0} s: {error.Message}; FRR: {await lab.FeedSessionAsync()}");
                await Task.Delay(500);
            }
        }
    }

    private static async Task WaitForAsync(string stage, Stopwatch since, TimeSpan limit, Func<Task<string?>> pending)
    {
        while (true)
        {
            var state = await pending();
            if (state is null)
            {
                return;
            }

            Assert.True(since.Elapsed < limit, $"stage '{stage}' did not finish within {limit.TotalSeconds:0} s of the first UPDATE: {state}");
            await Task.Delay(1000);
        }
    }

    private static void Fail(BgpFeedSpeaker speaker, Task<long> feeding)
    {
        Assert.True(speaker.Failure is null, "the feed session failed: " + speaker.Failure);
        if (feeding.IsFaulted)
        {
            throw new InvalidOperationException("feeding the table failed", feeding.Exception);
        }
    }

    private static (long Heap, long WorkingSet) Memory()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }

    private void Log(string line) => output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
}
