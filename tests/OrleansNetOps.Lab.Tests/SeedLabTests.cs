using System.Net;
using System.Text.Json;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Lab.Scenarios;
using Xunit.Abstractions;

namespace OrleansNetOps.Lab.Tests;

/// <summary>The seed topology as real FRR routers: sessions, routes, reflection, BMP, and scenarios played on it.</summary>
public sealed class SeedLabTests(SeedLabFixture fixture, ITestOutputHelper output) : IClassFixture<SeedLabFixture>
{
    private static readonly TimeSpan s_bmpWait = TimeSpan.FromSeconds(15);

    private FrrLab Lab => fixture.Lab;

    [Fact]
    public async Task Converges_quickly_with_every_session_established()
    {
        output.WriteLine($"converged in {fixture.ConvergedIn.TotalSeconds:0.0} s");
        Assert.True(fixture.ConvergedIn < TimeSpan.FromSeconds(30));
        foreach (var node in Lab.Layout.Nodes)
        {
            using var neighbors = JsonDocument.Parse(await Lab.NeighborsJsonAsync(node.Id));
            foreach (var link in Lab.Layout.Topology.LinksOf(node.Id))
            {
                var address = link.AddressOf(link.Other(node.Id)).ToString();
                Assert.True(neighbors.RootElement.TryGetProperty(address, out var neighbor), $"{node.Id} has no neighbour {address}");
                Assert.Equal("Established", neighbor.GetProperty("bgpState").GetString());
            }
        }
    }

    [Fact]
    public async Task Edge_router_learns_both_providers_paths()
    {
        var routes = await Lab.RoutesAsync("R1", ipv6: false);
        var google = routes.Where(r => r.Prefix == "8.8.8.0/24").Select(r => r.AsPath).Order().ToList();
        Assert.Equal(["1234 15169", "5678 15169"], google);
        Assert.Contains(routes, r => r.Prefix == "1.1.1.0/24" && r.AsPath == "1234 3356 13335");
        Assert.Contains(routes, r => r.Prefix == "1.1.1.0/24" && r.AsPath == "5678 13335");
    }

    [Fact]
    public async Task Route_reflector_holds_every_prefix_of_both_families()
    {
        var topology = Lab.Layout.Topology;
        var expected = topology.Isps.SelectMany(i => i.Announcements.Select(a => a.Prefix))
            .Concat(topology.Routers.SelectMany(r => r.Originates))
            .Select(p => p.ToString()).ToHashSet();
        var present = (await Lab.RoutesAsync("R3", ipv6: false)).Concat(await Lab.RoutesAsync("R3", ipv6: true))
            .Where(r => r.IsBest).Select(r => r.Prefix).ToHashSet();
        Assert.Superset(expected, present);
        Assert.Contains("2001:4860::/32", present);
        Assert.Contains("fd00:20::/48", present);
    }

    [Fact]
    public async Task Spine_receives_reflected_routes_with_originator_and_cluster_list()
    {
        using var dc = JsonDocument.Parse(await Lab.RouteJsonAsync("R4", IpPrefix.Parse("172.16.20.0/24")));
        var path = dc.RootElement.GetProperty("paths")[0];
        Assert.Equal("198.51.100.5", path.GetProperty("originatorId").GetString());
        Assert.Contains("198.51.100.3", path.GetProperty("clusterList").GetProperty("list").EnumerateArray().Select(e => e.GetString()));

        using var internet = JsonDocument.Parse(await Lab.RouteJsonAsync("R4", IpPrefix.Parse("8.8.8.0/24")));
        var best = internet.RootElement.GetProperty("paths")[0];
        Assert.Contains(best.GetProperty("originatorId").GetString(), new[] { "198.51.100.1", "198.51.100.2" });

        var ipv6 = (await Lab.RoutesAsync("R4", ipv6: true)).Select(r => r.Prefix).ToHashSet();
        Assert.Superset(new HashSet<string> { "2001:4860::/32", "2606:4700::/32", "fd00:20::/48", "fd00:10::/48" }, ipv6);
    }

    [Fact]
    public async Task Every_router_reports_over_bmp()
    {
        foreach (var router in Lab.Layout.Topology.Routers)
        {
            var peers = Lab.Layout.Topology.LinksOf(router.Id).Select(l => l.AddressOf(l.Other(router.Id))).ToHashSet();
            var complete = await fixture.Collector.WaitForAsync(messages =>
            {
                var own = messages.Where(m => m.SysName == router.Hostname).ToList();
                return own.Any(m => m.Message is BmpInitiation)
                    && peers.All(p => own.Any(m => m.Message is BmpPeerUp up && up.Peer.PeerAddress.Equals(p)))
                    && own.Any(m => m.Message is BmpRouteMonitoring);
            }, s_bmpWait);
            Assert.True(complete, $"{router.Hostname}: no Initiation, Peer Up for each of {string.Join(", ", peers)} and Route Monitoring within {s_bmpWait.TotalSeconds} s");
        }

        var initiation = fixture.Collector.Messages.Select(m => m.Message).OfType<BmpInitiation>().First();
        output.WriteLine($"sysDescr: {initiation.SysDescr}");
        Assert.Empty(fixture.Collector.Errors);
    }

    [Fact]
    public async Task Shutting_a_session_takes_it_down_and_bmp_reports_it()
    {
        var ispA = IPAddress.Parse("203.0.113.2");
        var changedAt = DateTime.UtcNow;
        await Lab.ApplyAsync(new SetSessionEnabled("R1", "ISP-A", Enabled: false));
        try
        {
            Assert.True(await PollAsync(async () => await NeighborStateAsync("R1", "203.0.113.2") != "Established", TimeSpan.FromSeconds(5)),
                "R1's session to ISP-A still Established 5 s after shutdown");
            Assert.True(await fixture.Collector.WaitForAsync(
                messages => messages.Any(m => m.SysName == "edge-router-01" && m.ReceivedAt >= changedAt && m.Message is BmpPeerDown down && down.Peer.PeerAddress.Equals(ispA)),
                s_bmpWait), "no BMP Peer Down for R1 -> ISP-A");
        }
        finally
        {
            await Lab.ApplyAsync(new SetSessionEnabled("R1", "ISP-A", Enabled: true));
        }

        Assert.True(await PollAsync(async () => await NeighborStateAsync("R1", "203.0.113.2") == "Established", TimeSpan.FromSeconds(20)),
            "R1's session to ISP-A not back 20 s after no shutdown");
        await Lab.WaitUntilConvergedAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Local_preference_on_the_second_edge_moves_the_reflectors_best_path()
    {
        var google = IpPrefix.Parse("8.8.8.0/24");
        var policy = new SetNeighborPolicy("R2", "ISP-B", PolicyDirection.In, [new SetLocalPreference(200)]);
        await Lab.ApplyAsync(policy);
        try
        {
            Assert.True(await PollAsync(async () => await Lab.BestRouteAsync("R3", google) is { LocalPreference: 200, NextHop: "198.51.100.22" }, TimeSpan.FromSeconds(10)),
                $"R3's best path for {google} did not move to R2 with LOCAL_PREF 200: {await Lab.BestRouteAsync("R3", google)}");
            Assert.Equal("5678 15169", (await Lab.BestRouteAsync("R3", google))!.AsPath);
        }
        finally
        {
            await Lab.ApplyAsync(policy with { Actions = [] });
        }

        Assert.True(await PollAsync(async () => await Lab.BestRouteAsync("R3", google) is { LocalPreference: 100 }, TimeSpan.FromSeconds(10)),
            "R3's best path did not return to LOCAL_PREF 100 after the policy was cleared");
    }

    [Fact]
    public async Task Withdrawn_and_advertised_prefixes_reach_the_spines()
    {
        var extra = IpPrefix.Parse("9.9.9.0/24");
        await Lab.ApplyAsync(new AdvertisePrefix("ISP-C", extra, [19281], Med: 10));
        Assert.True(await PollAsync(async () => await Lab.BestRouteAsync("R5", extra) is { AsPath: "9012 19281", Med: 10 }, TimeSpan.FromSeconds(10)),
            $"R5 did not learn {extra} via ISP-C");
        await Lab.ApplyAsync(new WithdrawPrefix("ISP-C", extra));
        Assert.True(await PollAsync(async () => await Lab.BestRouteAsync("R5", extra) is null, TimeSpan.FromSeconds(10)),
            $"R5 still has {extra} after the withdrawal");
    }

    [Fact]
    public async Task A_fibre_cut_drops_the_session_at_hold_time_and_it_returns_with_the_link()
    {
        var cut = DateTime.UtcNow;
        await Lab.ApplyAsync(new SetLinkState("R2", "ISP-C", Up: false));
        try
        {
            Assert.True(await PollAsync(async () => await NeighborStateAsync("R2", "203.0.113.14") != "Established", TimeSpan.FromSeconds(15)),
                "R2's session to ISP-C survived 15 s of a cut link (hold time is 9 s)");
            output.WriteLine($"session down {(DateTime.UtcNow - cut).TotalSeconds:0.0} s after the cut");
        }
        finally
        {
            await Lab.ApplyAsync(new SetLinkState("R2", "ISP-C", Up: true));
        }

        Assert.True(await PollAsync(async () => await NeighborStateAsync("R2", "203.0.113.14") == "Established", TimeSpan.FromSeconds(20)),
            "R2's session to ISP-C did not come back within 20 s of the link");
        await Lab.WaitUntilConvergedAsync(TimeSpan.FromSeconds(30));
    }

    private async Task<string?> NeighborStateAsync(string router, string neighbor)
    {
        using var json = JsonDocument.Parse(await Lab.NeighborsJsonAsync(router));
        return json.RootElement.TryGetProperty(neighbor, out var n) ? n.GetProperty("bgpState").GetString() : null;
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(250);
        }

        return true;
    }
}
