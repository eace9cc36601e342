using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Collectors.Bmp;

namespace OrleansNetOps.Collectors.Tests;

public sealed class BmpSessionIdentityTests
{
    private static IReadOnlyList<BmpMessage> Decode(byte[] stream)
    {
        var reader = new BmpReader();
        return [.. BmpCollectorTests.Split(stream).Select(m => reader.Decode(m))];
    }

    [Fact]
    public async Task A_sysname_that_names_a_configured_router_fixes_the_session_at_its_initiation()
    {
        var stream = RealBmpStreams.Frr();
        var sysName = Decode(stream).OfType<BmpInitiation>().First().SysName;
        var sink = new RecordingSink((name, _) => name == sysName ? "R7" : null);
        await using var collector = await BmpCollectorTests.StartAsync(sink);

        await BmpCollectorTests.SendAsync(collector, stream, chunk: 700);
        await BmpCollectorTests.WaitUntil(() => sink.Closed.Count == 1);

        Assert.Equal("R7", Assert.Single(sink.Routers).Value);
        Assert.Equal(BmpCollectorTests.CountMessages(stream), sink.Messages.Single().Value.Count);
        Assert.Equal(["R7"], collector.Counters.Sources.Keys);
    }

    [Fact]
    public async Task A_router_known_only_by_its_bgp_identifier_gets_every_message_of_the_session_from_its_initiation_on()
    {
        var stream = RealBmpStreams.Frr();
        var messages = Decode(stream);
        var firstPeerUp = messages.OfType<BmpPeerUp>().First();
        var identifier = firstPeerUp.SentOpen.BgpIdentifier;
        var sink = new RecordingSink((_, bgpId) => identifier.Equals(bgpId) ? "R9" : null);
        await using var collector = await BmpCollectorTests.StartAsync(sink);

        await BmpCollectorTests.SendAsync(collector, stream, chunk: 97);
        await BmpCollectorTests.WaitUntil(() => sink.Closed.Count == 1);

        Assert.Equal("R9", Assert.Single(sink.Routers).Value);
        Assert.Equal(messages.Count, sink.Messages.Single().Value.Count);
        Assert.IsType<BmpInitiation>(sink.Messages.Single().Value.First());
    }

    [Fact]
    public async Task A_standby_session_keeps_asking_while_the_router_is_quiet_and_closes_when_told_to_start_over()
    {
        var sink = new RecordingSink((_, _) => "R1") { Answer = BmpBatchDisposition.Standby };
        var options = new BmpCollectorOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), StandbyProbeInterval = TimeSpan.FromMilliseconds(200) };
        await using var collector = new BmpCollector(options, sink, new ListLogger<BmpCollector>());
        await collector.StartAsync();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, collector.LocalEndpoint!.Port);
        var connection = client.GetStream();

        // The first batch is answered "standby"; then the router goes quiet, and the session keeps asking.
        await connection.WriteAsync(RealBmpStreams.Frr());
        await BmpCollectorTests.WaitUntil(() => sink.Deliveries.Count(d => d.Count == 0 && d.FirstOffset > 0 && !d.Closed) >= 3);
        Assert.Empty(sink.Closed);

        sink.Answer = BmpBatchDisposition.Resync;
        var buffer = new byte[16];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await connection.ReadAsync(buffer, timeout.Token));
    }
}
