using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Grains.Network;

namespace OrleansNetOps.Grains.Tests;

public sealed class RouterGrainTests
{
    private static BmpDelivery Deliver(string connection, BmpFrameBatch frames, bool closed = false) =>
        new(connection, DateTimeOffset.UtcNow, frames, Simulated: false, closed);

    [Fact]
    public async Task A_router_with_a_live_bmp_session_is_not_collected_when_idle_and_is_after_the_session_ends()
    {
        await using var cluster = await GrainCluster.StartAsync(collectionAge: TimeSpan.FromSeconds(1));
        var router = cluster.Grains.GetGrain<IRouterGrain>("R1");
        var outcome = await router.ReceiveAsync(Deliver("c1", RealBmp.Batch(RealBmp.FrrPeerDownStream())));
        Assert.Equal(BmpBatchDisposition.Applied, outcome.Disposition);
        var held = (await router.GetSummaryAsync()).RoutesHeld;
        Assert.True(held > 0, "the capture carried no routes");

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await cluster.ActivationsOfAsync<RouterGrain>());
        Assert.Equal(held, (await router.GetSummaryAsync()).RoutesHeld);

        await router.ReceiveAsync(Deliver("c1", BmpFrameBatch.Empty(0), closed: true));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await cluster.ActivationsOfAsync<RouterGrain>()).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the router grain was never collected after its session ended");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_real_frr_peer_down_capture_gives_the_session_state_reason_and_durable_flap_count()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var router = cluster.Grains.GetGrain<IRouterGrain>("R1");
        var stream = RealBmp.FrrPeerDownStream();
        var messages = RealBmp.Decode(stream);
        var outcome = await router.ReceiveAsync(Deliver("c1", RealBmp.Batch(stream)));
        Assert.Equal(messages.Count, outcome.Parsed);
        Assert.Empty(outcome.Rejects);

        // Per peer, the session ends in the state of its last Peer Up or Peer Down, and a Peer Down's reason is kept.
        var events = messages.Where(m => m is BmpPeerUp or BmpPeerDown)
            .GroupBy(m => PeerKey.Of(m is BmpPeerUp up ? up.Peer : ((BmpPeerDown)m).Peer))
            .Where(g => !g.Key.IsLocalOrigin)
            .ToList();
        var lastDown = messages.OfType<BmpPeerDown>().Last(d => !PeerKey.Of(d.Peer).IsLocalOrigin);
        var peers = await router.GetPeersAsync();
        PeerStatus Find(PeerKey key) =>
            peers.SingleOrDefault(p => p.PeerAddress == key.Address.ToString() && (p.Rd ?? "0:0") == key.Distinguisher.ToString())
            ?? throw new Xunit.Sdk.XunitException($"no peer {key} ({key.Distinguisher}) among {string.Join(", ", peers.Select(p => $"{p.PeerAddress}/{p.Rd}/{p.PeerType}"))}");
        foreach (var group in events)
        {
            Assert.Equal(group.Last() is BmpPeerUp ? "established" : "down", Find(group.Key).State);
        }

        var downPeer = Find(PeerKey.Of(lastDown.Peer));
        Assert.Equal(PeerDownReason.Describe(lastDown), downPeer.LastDownReason);
        var history = await cluster.Grains.GetGrain<IBgpPeerGrain>($"R1|{PeerKey.Of(lastDown.Peer)}").GetHistoryAsync();
        Assert.Equal(downPeer.FlapCount, history.FlapCount);
        Assert.True(history.FlapCount >= 1);
        if (downPeer.State == "down")
        {
            var rib = await router.GetRibAsync(new RibQuery(RibView.AdjInPost, Afi.IPv4, downPeer.PeerAddress, RouteDistinguisher.TryParse(downPeer.Rd, out var rd) ? rd : null, null, 100));
            Assert.Empty(rib.Routes);
        }
    }

    [Fact]
    public async Task A_malformed_message_is_rejected_with_its_stream_offset_and_the_rest_of_the_batch_is_applied()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var stream = RealBmp.FrrPeerDownStream();
        var clean = RealBmp.Batch(stream);
        var (victimOffset, victim) = clean.Messages().First(m => m.Message.Span[5] == (byte)BmpMessageType.RouteMonitoring);
        var corrupted = (byte[])stream.Clone();
        // The BGP message inside the Route Monitoring message claims a type that does not exist.
        corrupted[(int)victimOffset + 6 + 42 + 18] = 99;

        var outcome = await cluster.Grains.GetGrain<IRouterGrain>("R1").ReceiveAsync(Deliver("c1", RealBmp.Batch(corrupted)));

        var reject = Assert.Single(outcome.Rejects);
        Assert.Equal(victimOffset, reject.Offset);
        Assert.Equal(victim.Length, reject.Length);
        Assert.Equal(clean.Count - 1, outcome.Parsed);
    }

    [Fact]
    public async Task A_second_session_of_the_same_router_stands_by_and_takes_over_by_starting_over_when_the_first_ends()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var router = cluster.Grains.GetGrain<IRouterGrain>("R1");
        var frames = RealBmp.Batch(RealBmp.FrrPeerDownStream());
        Assert.Equal(BmpBatchDisposition.Applied, (await router.ReceiveAsync(Deliver("c1", frames))).Disposition);
        var routes = (await router.GetSummaryAsync()).RoutesHeld;

        // A router streaming to two collectors: the second session is a standby and changes nothing.
        Assert.Equal(BmpBatchDisposition.Standby, (await router.ReceiveAsync(Deliver("c2", frames))).Disposition);
        var later = BmpFrameBatch.Empty(frames.Data.Length);
        Assert.Equal(BmpBatchDisposition.Standby, (await router.ReceiveAsync(Deliver("c2", later))).Disposition);
        Assert.Equal(routes, (await router.GetSummaryAsync()).RoutesHeld);

        // The primary ends: the standby's messages were dropped, so it must start over to carry the whole state.
        await router.ReceiveAsync(Deliver("c1", BmpFrameBatch.Empty(0), closed: true));
        Assert.Equal(BmpBatchDisposition.Resync, (await router.ReceiveAsync(Deliver("c2", later))).Disposition);
        Assert.Equal(BmpBatchDisposition.Applied, (await router.ReceiveAsync(Deliver("c3", frames))).Disposition);
        Assert.Equal(routes, (await router.GetSummaryAsync()).RoutesHeld);
    }

    [Fact]
    public async Task A_session_that_fed_a_lost_activation_starts_over_instead_of_continuing_into_an_empty_view()
    {
        // The router's grain died with its silo while the session, on a surviving silo, stayed up: the next messages
        // reach a fresh activation mid-stream. Taking them as the whole state would show a router without sessions.
        await using var cluster = await GrainCluster.StartAsync();
        var router = cluster.Grains.GetGrain<IRouterGrain>("R1");
        var frames = RealBmp.Batch(RealBmp.FrrPeerDownStream());
        var midStream = new BmpFrameBatch(frames.Data, frames.Count, FirstOffset: 4096);

        Assert.Equal(BmpBatchDisposition.Resync, (await router.ReceiveAsync(Deliver("c1", midStream))).Disposition);
        Assert.Equal(0, (await router.GetSummaryAsync()).RoutesHeld);
        Assert.Equal(BmpBatchDisposition.Applied, (await router.ReceiveAsync(Deliver("c2", frames))).Disposition);
        Assert.True((await router.GetSummaryAsync()).RoutesHeld > 0);
    }

    [Fact]
    public async Task A_router_grain_is_placed_on_the_silo_whose_collector_calls_it()
    {
        await using var cluster = await GrainCluster.StartAsync(silos: 2);
        var frames = RealBmp.Batch(RealBmp.FrrPeerDownStream());
        for (var silo = 0; silo < 2; silo++)
        {
            for (var i = 0; i < 4; i++)
            {
                await cluster.GrainsOn(silo).GetGrain<IRouterGrain>($"S{silo}-R{i}").ReceiveAsync(Deliver($"c{silo}-{i}", frames));
            }
        }

        var placements = await cluster.ActivationsOfAsync<RouterGrain>();
        Assert.Equal(8, placements.Count);
        Assert.Equal(2, placements.Distinct().Count());
        Assert.All(placements.GroupBy(p => p), g => Assert.Equal(4, g.Count()));
    }

    [Fact]
    public async Task Routers_heard_from_are_listed_by_the_network_directory()
    {
        await using var cluster = await GrainCluster.StartAsync();
        await cluster.Grains.GetGrain<IRouterGrain>("R1").ReceiveAsync(Deliver("c1", RealBmp.Batch(RealBmp.FrrPeerDownStream())));

        var listed = await cluster.Grains.GetGrain<INetworkGrain>(INetworkGrain.DefaultKey).ListAsync();

        Assert.Equal(RouterSource.Bmp, listed["R1"]);
    }
}
