using System.Collections.Immutable;
using System.Net;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Signals;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Grains.Analysis;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Grains.Network;

namespace OrleansNetOps.Grains.Tests.Analysis;

public sealed class RouteAnalystGrainTests
{
    private const string Topology = "asn: 65001\nrouters:\n  - { id: R1, routerId: 198.51.100.1, originates: [172.16.10.0/24] }\n";
    private static readonly BmpPeerHeader Isp = new(BmpPeerType.Global, BmpPeerFlags.None, default, IPAddress.Parse("203.0.113.2"), 1234,
        IPAddress.Parse("203.0.113.201"), 0, 0);

    [Fact]
    public async Task Routes_the_router_grain_applies_reach_the_route_detectors_and_a_hijack_reaches_the_correlator()
    {
        await using var cluster = await GrainCluster.StartAsync(topology: Topology);
        var router = cluster.GrainsOn(0).GetGrain<IRouterGrain>("R1");
        var stream = Initiation().Concat(PeerUp()).Concat(Routes("8.8.8.0/24", 65001, 1234, 15169))
            .Concat(Routes("172.16.10.0/24", 65001, 1234, 64777)).ToArray();

        var outcome = await router.ReceiveAsync(new BmpDelivery("bmp-1", DateTimeOffset.UtcNow, Batch(stream), Simulated: false));
        Assert.Equal(BmpBatchDisposition.Applied, outcome.Disposition);

        var hijack = Assert.Single(await CorrelatorWait.FindingsAsync(cluster.Grains, new FindingQuery("R1", FindingKind.OriginHijack, null, null, 10), "hijack finding"));
        Assert.Equal("172.16.10.0/24", hijack.Subject.Id);
        Assert.Equal(("R1|203.0.113.2", "64777"), (hijack.Evidence[0].Data["vantage"], hijack.Evidence[0].Data["origin"]));
        var counts = await cluster.GrainsOn(0).GetGrain<IRouteAnalystGrain>("R1").GetCountsAsync();
        Assert.Equal(new RouteAnalystCounts(2, 2, 0, 0), counts);
    }

    [Fact]
    public async Task A_batch_from_the_middle_of_a_session_it_did_not_see_begin_is_not_read()
    {
        await using var cluster = await GrainCluster.StartAsync(topology: Topology);
        var analyst = cluster.GrainsOn(0).GetGrain<IRouteAnalystGrain>("R1");
        var routes = Routes("172.16.10.0/24", 65001, 1234, 64777);

        await analyst.ObserveAsync(new BmpDelivery("bmp-1", DateTimeOffset.UtcNow, Batch(routes) with { FirstOffset = 4096 }, Simulated: false));

        // One-way: the batch may be read after the next call.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        RouteAnalystCounts counts;
        while ((counts = await analyst.GetCountsAsync()).Skipped == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(new RouteAnalystCounts(0, 0, 0, 1), counts);
    }

    [Fact]
    public async Task A_quiet_candidate_closes_when_its_window_ends_without_another_finding()
    {
        await using var cluster = await GrainCluster.StartAsync(topology: Topology);
        var correlator = cluster.Grains.GetGrain<IFindingCorrelatorGrain>(NetOpsStreams.DefaultDomain);
        // The window is five minutes: a finding from 4 min 57 s ago leaves its candidate 3 s to live.
        var at = DateTimeOffset.UtcNow.AddMinutes(-5).AddSeconds(3);
        await cluster.Grains.GetGrain<IRouterAnalystGrain>("R1").ReportAsync([SignalFindings.InterfaceDown("R1", "eth1", at, "snmp-trap")]);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        ImmutableArray<OrleansNetOps.Analytics.Correlation.IncidentCandidate> candidates;
        while ((candidates = await correlator.GetCandidatesAsync(10)).IsEmpty || candidates[0].IsOpen)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the candidate did not close on its own ({candidates.Length} candidates)");
            await Task.Delay(200);
        }

        var candidate = Assert.Single(candidates);
        Assert.Equal(candidate.HoldUntil, candidate.ClosedAt);
        Assert.True(DateTimeOffset.UtcNow >= candidate.HoldUntil);
    }

    private static BmpFrameBatch Batch(byte[] stream) => RealBmp.Batch(stream);

    private static byte[] Initiation() =>
        BmpWriter.Encode(new BmpInitiation(new[] { BmpWriter.TextTlv(1, "FRRouting 8.4"), BmpWriter.TextTlv(2, "r1") }), BgpDecodingContext.FourOctet);

    private static byte[] PeerUp() =>
        BmpWriter.Encode(new BmpPeerUp(Isp, IPAddress.Parse("203.0.113.1"), 179, 40000, Open(65001, "198.51.100.1"), Open(1234, "203.0.113.201"), default),
            BgpDecodingContext.FourOctet);

    private static byte[] Routes(string prefix, params uint[] path) =>
        BmpWriter.Encode(new BmpRouteMonitoring(Isp, new UpdateMessage(Array.Empty<Nlri>(),
            new PathAttributes { Origin = Origin.Igp, AsPath = AsPath.FromSequence(path), NextHop = Isp.PeerAddress },
            new[] { new Nlri(IpPrefix.Parse(prefix)) })), BgpDecodingContext.FourOctet);

    private static OpenMessage Open(uint asn, string routerId) =>
        new(4, (ushort)asn, 180, IPAddress.Parse(routerId),
            new Capability[] { new FourOctetAsCapability(asn), new MultiprotocolCapability(AfiSafi.IPv4Unicast) });
}
