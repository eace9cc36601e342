using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Collectors.Bmp;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Silo.Tests.Simulation;

public sealed class SimulatedNetworkTests
{
    [Fact]
    public async Task The_embedded_default_shows_the_seed_network_over_real_bmp_and_it_changes_over_time()
    {
        var config = TestSilo.MemoryConfig(simulated: true) with
        {
            Network = new NetworkConfig { Simulated = true, SimulationStepSeconds = 1 },
        };
        await using var silo = await TestSilo.StartAsync(config);

        var routers = await Poll(silo, "/api/v1/routers", r => r.GetArrayLength() == 5 && r.EnumerateArray().All(x => x.GetProperty("status").GetString() == "up"));
        Assert.All(routers.EnumerateArray(), r => Assert.Equal("simulated", r.GetProperty("source").GetString()));
        Assert.Equal(["R1", "R2", "R3", "R4", "R5"], routers.EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        // The first event of the cycle cuts R2's link to ISP-C: the session goes down, then comes back.
        await Poll(silo, "/api/v1/routers/R2/peers", peers => Peer(peers, "203.0.113.14").GetProperty("state").GetString() == "down");
        var down = await Poll(silo, "/api/v1/routers/R2/peers", peers => Peer(peers, "203.0.113.14").GetProperty("flapCount").GetInt32() >= 1);
        Assert.Contains("4/0", Peer(down, "203.0.113.14").GetProperty("lastDownReason").GetString(), StringComparison.Ordinal);
        await Poll(silo, "/api/v1/routers/R2/peers", peers => Peer(peers, "203.0.113.14").GetProperty("state").GetString() == "established");

        // The Loc-RIB the simulated routers send is served as is, not computed.
        var loc = await Poll(silo, "/api/v1/routers/R3/rib?afi=ipv4&view=loc", rib => rib.GetProperty("routes").GetArrayLength() > 0);
        Assert.False(loc.GetProperty("computed").GetBoolean());
    }

    [Fact]
    public async Task While_the_network_is_simulated_a_real_router_is_refused_and_counted()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig(simulated: true));
        var collector = silo.App.Services.GetRequiredService<BmpCollector>();
        var frr = PcapFile.ReadTcpStreams(SharedData.Path("pmacct", "205-BMP-6wind-FRR-peer_down", "traffic-00.pcap"))
            .OrderByDescending(s => s.Data.Length).First().Data;

        using (var client = new TcpClient())
        {
            await client.ConnectAsync(collector.LocalEndpoint!);
            try
            {
                await client.GetStream().WriteAsync(frr);
            }
            catch (IOException)
            {
                // Refused and closed while we were still sending.
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (collector.Counters.Rejected.GetValueOrDefault("session-refused") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the real router's session was not refused");
            await Task.Delay(50);
        }

        var routers = await silo.Client.GetStringAsync("/api/v1/routers");
        Assert.DoesNotContain("\"source\":\"bmp\"", routers, StringComparison.Ordinal);

        // The collector's sources are the five simulated routers; the refused one is not a source.
        await Poll(silo, "/api/v1/routers", r => r.GetArrayLength() == 5 && r.EnumerateArray().All(x => x.GetProperty("status").GetString() == "up"));
        var bmp = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/v1/collectors")).RootElement.EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "bmp");
        var bySource = bmp.GetProperty("bySource").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(bySource.SequenceEqual(["R1", "R2", "R3", "R4", "R5"]), string.Join(", ", bySource));
        Assert.Equal(5, bmp.GetProperty("sources").GetInt64());
    }

    private static JsonElement Peer(JsonElement peers, string address) =>
        peers.EnumerateArray().Single(p => p.GetProperty("peerAddress").GetString() == address);

    private static async Task<JsonElement> Poll(TestSilo silo, string path, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var body = JsonDocument.Parse(await silo.Client.GetStringAsync(path)).RootElement.Clone();
            if (until(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} never reached the expected state: {body}");
            await Task.Delay(100);
        }
    }
}
