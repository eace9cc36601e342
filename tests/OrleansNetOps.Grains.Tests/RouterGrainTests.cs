using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Runtime;
using OrleansNetOps.TestSupport;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Grains.Tests;

public sealed class RouterGrainTests
{
    [Fact]
    public async Task A_router_with_a_live_bmp_session_is_not_collected_when_idle_and_is_after_the_session_ends()
    {
        await using var silo = await StartAsync(collectionAge: TimeSpan.FromMilliseconds(200));
        var router = silo.Grains.GetGrain<IRouterGrain>("R1");
        await router.ApplyAsync(new BmpBatch("c1", DateTimeOffset.UtcNow, RealFrrMessages(), Simulated: false));
        var held = (await router.GetSummaryAsync()).RoutesHeld;
        Assert.True(held > 0, "the capture carried no routes");

        await Task.Delay(800);
        Assert.Equal(held, (await router.GetSummaryAsync()).RoutesHeld);

        await router.ApplyAsync(new BmpBatch("c1", DateTimeOffset.UtcNow, [], Simulated: false, ConnectionClosed: true));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (silo.Silo.GetMetrics().Activations > 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the router grain was never collected after its session ended");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_real_frr_peer_down_capture_gives_the_session_state_reason_and_durable_flap_count()
    {
        await using var silo = await StartAsync();
        var router = silo.Grains.GetGrain<IRouterGrain>("R1");
        var messages = RealFrrMessages();
        await router.ApplyAsync(new BmpBatch("c1", DateTimeOffset.UtcNow, messages, Simulated: false));

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
        var history = await silo.Grains.GetGrain<IBgpPeerGrain>($"R1|{PeerKey.Of(lastDown.Peer)}").GetHistoryAsync();
        Assert.Equal(downPeer.FlapCount, history.FlapCount);
        Assert.True(history.FlapCount >= 1);
        if (downPeer.State == "down")
        {
            var rib = await router.GetRibAsync(new RibQuery(RibView.AdjInPost, Afi.IPv4, downPeer.PeerAddress, downPeer.Rd, null, 100));
            Assert.Empty(rib.Routes);
        }
    }

    private static IReadOnlyList<BmpMessage> RealFrrMessages()
    {
        var bytes = PcapFile.ReadTcpStreams(SharedData.Path("pmacct", "205-BMP-6wind-FRR-peer_down", "traffic-00.pcap"))
            .OrderByDescending(s => s.Data.Length).First().Data;
        var reader = new BmpReader();
        var messages = new List<BmpMessage>();
        var span = bytes.AsSpan();
        while (BmpFraming.Frame(span) is { Status: BmpFrameStatus.Complete } frame)
        {
            messages.Add(reader.Decode(span[..frame.Length]));
            span = span[frame.Length..];
        }

        return messages;
    }

    private static async Task<RunningSilo> StartAsync(TimeSpan? collectionAge = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TopologyLoader.Parse("asn: 65001\nrouters:\n  - { id: R1, routerId: 198.51.100.1 }\n", "t.yaml"));
        services.AddGrainRuntime(o =>
            {
                o.CollectionAge = collectionAge ?? TimeSpan.FromMinutes(15);
                o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
            })
            .AddGrains(typeof(RouterGrain).Assembly).AddMemoryGrainStorage().AddMemoryReminders().AddMemoryStreams(TelemetryStreams.Provider);
        var provider = services.BuildServiceProvider();
        var silo = provider.GetRequiredService<Silo>();
        await silo.StartAsync(CancellationToken.None);
        return new RunningSilo(provider, silo);
    }

    private sealed record RunningSilo(ServiceProvider Provider, Silo Silo) : IAsyncDisposable
    {
        public IGrainFactory Grains => Silo.GrainFactory;

        public async ValueTask DisposeAsync()
        {
            await Silo.StopAsync(CancellationToken.None);
            await Provider.DisposeAsync();
        }
    }
}
