using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Rib;
using OrleansNetOps.Bgp.Tests.Monitoring;
using OrleansNetOps.Collectors.Bmp;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Silo.Tests.Network;

/// <summary>
/// The pmacct acceptance at the API: real BMP captures of other vendors' routers sent over TCP to the silo's BMP
/// listener, then every view and family read back through <c>GET /api/v1/routers/{id}/rib</c> — the routes the API
/// serves must be exactly the routes pmacct's decoded log holds, keyed as pmacct keys them (exporter, peer, RIB,
/// AFI/SAFI, RD, prefix, path id), with the labels and VRF names the issue asks for.
/// </summary>
public sealed class PmacctApiTests
{
    private static readonly (string Afi, string Safi, AfiSafi Family)[] Families =
    [
        ("ipv4", "unicast", AfiSafi.IPv4Unicast), ("ipv6", "unicast", AfiSafi.IPv6Unicast),
        ("ipv4", "labeled-unicast", new(Afi.IPv4, Safi.MplsLabel)), ("ipv6", "labeled-unicast", new(Afi.IPv6, Safi.MplsLabel)),
        ("ipv4", "vpn", new(Afi.IPv4, Safi.MplsVpn)), ("ipv6", "vpn", new(Afi.IPv6, Safi.MplsVpn)),
    ];

    private static readonly RibView[] Views = Enum.GetValues<RibView>();

    [Theory]
    [InlineData("204-BMP-CISCO-peer_down")]
    [InlineData("205-BMP-6wind-FRR-peer_down")]
    public async Task The_api_serves_every_route_pmacct_decodes_from_a_capture_sent_to_the_listener(string capture)
    {
        var folder = SharedData.Path("pmacct", capture);
        var golden = PmacctBmpLog.Load(Directory.GetFiles(folder, "output-bmp-*.json").Order(StringComparer.Ordinal).Single());
        var streams = Directory.GetFiles(folder, "*.pcap").Order(StringComparer.Ordinal)
            .SelectMany(PcapFile.ReadTcpStreams).Where(s => s.Data.Length > 0 && s.Data[0] == 3).ToList();
        Assert.NotEmpty(streams);

        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var listener = silo.App.Services.GetRequiredService<BmpCollector>().LocalEndpoint!;
        var connections = new List<TcpClient>();
        try
        {
            foreach (var stream in streams)
            {
                var client = new TcpClient();
                await client.ConnectAsync(listener.Address, listener.Port);
                await client.GetStream().WriteAsync(stream.Data);
                connections.Add(client);
            }

            // Routers stay connected, as routers do; the API is read once every frame has been applied.
            var served = await WaitForStableRoutesAsync(silo, golden);
            var expected = golden.Routes.Select(r => Rekeyed(r.Key, golden)).ToHashSet(StringComparer.Ordinal);
            var missing = expected.Except(served.Keys).Order(StringComparer.Ordinal).ToList();
            var extra = served.Keys.Except(expected).Order(StringComparer.Ordinal).ToList();

            Assert.True(missing.Count == 0, $"{missing.Count} of pmacct's {expected.Count} routes not served, e.g.\n{string.Join('\n', missing.Take(10))}");
            Assert.True(extra.Count == 0, $"{extra.Count} routes pmacct does not hold, e.g.\n{string.Join('\n', extra.Take(10))}");
            foreach (var route in golden.Routes)
            {
                var ours = served[Rekeyed(route.Key, golden)];
                var labels = PmacctBmpLog.Items(route.Line, "label");
                if (labels.Count > 0)
                {
                    Assert.Equal(labels.Select(l => uint.Parse(l, CultureInfo.InvariantCulture)), ours.GetProperty("labels").EnumerateArray().Select(l => l.GetUInt32()));
                }

                var key = Rekeyed(route.Key, golden);
                Assert.Equal(PmacctBmpLog.Items(route.Line, "comms"), ours.GetProperty("communities").EnumerateArray().Select(c => c.GetString()));
                Assert.Equal(PmacctBmpLog.Items(route.Line, "lcomms"), ours.GetProperty("largeCommunities").EnumerateArray().Select(c => c.GetString()));
                Assert.Equal(PmacctBmpLog.Items(route.Line, "ecomms").Count, ours.GetProperty("extCommunities").GetArrayLength());
                Assert.True(SameNextHop(PmacctBmpLog.Text(route.Line, "bgp_nexthop"), ours.GetProperty("nextHop").GetString()), $"{key}: next hop");
                Assert.Equal(PmacctBmpLog.Number(route.Line, "med"), Number(ours, "med"));
                if (PmacctBmpLog.Number(route.Line, "local_pref") is { } localPref)
                {
                    Assert.Equal(localPref, Number(ours, "localPref"));
                }

                // FRR 8 prepends its own AS to what it reports of eBGP peers and sends its own routes with 2-octet paths that
                // pmacct prints empty (FRR-NOTES): the API holds the path as the router holds it.
                var theirs = PmacctBmpLog.Items(route.Line, "as_path");
                var path = ours.GetProperty("asPath").EnumerateArray().Select(a => a.GetUInt32().ToString(CultureInfo.InvariantCulture)).ToList();
                Assert.True(theirs.SequenceEqual(path) || theirs.Skip(1).SequenceEqual(path) || theirs.Count == 0, $"{key}: AS path {string.Join(' ', theirs)} != {string.Join(' ', path)}");
            }
        }
        finally
        {
            foreach (var client in connections)
            {
                client.Dispose();
            }
        }
    }

    private static long? Number(JsonElement route, string name) =>
        route.GetProperty(name).ValueKind == JsonValueKind.Null ? null : route.GetProperty(name).GetInt64();

    /// <summary>pmacct prints a missing next hop as 0.0.0.0 and does not tell an IPv4 next hop from its IPv4-mapped IPv6 form.</summary>
    private static bool SameNextHop(string? printed, string? ours)
    {
        static System.Net.IPAddress Plain(string? text) =>
            text is null ? System.Net.IPAddress.Any
            : System.Net.IPAddress.Parse(text) is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : System.Net.IPAddress.Parse(text);
        return Plain(printed).Equals(Plain(ours));
    }

    /// <summary>pmacct keys by exporter address; the API by router id. Both sides are keyed by the exporter's sysName.</summary>
    private static string Rekeyed(string pmacctKey, PmacctBmpLog golden)
    {
        var exporter = pmacctKey[..pmacctKey.IndexOf('|', StringComparison.Ordinal)];
        return golden.SysNames[exporter] + pmacctKey[exporter.Length..];
    }

    private static async Task<Dictionary<string, JsonElement>> WaitForStableRoutesAsync(TestSilo silo, PmacctBmpLog golden)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        Dictionary<string, JsonElement> previous = [];
        while (true)
        {
            var current = await ServedRoutesAsync(silo, golden.SysNames.Count);
            if (current.Count > 0 && current.Count == previous.Count || DateTime.UtcNow > deadline)
            {
                return current;
            }

            previous = current;
            await Task.Delay(500);
        }
    }

    /// <summary>Every route of every BMP router through the API, keyed like <see cref="PmacctRoute.Key"/> with the sysName for the exporter.</summary>
    private static async Task<Dictionary<string, JsonElement>> ServedRoutesAsync(TestSilo silo, int exporters)
    {
        var served = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        using var list = await silo.GetAsync("/api/v1/routers");
        var routers = (await Json.ReadAsync(list)).EnumerateArray().Where(r => r.GetProperty("source").GetString() == "bmp").ToList();
        if (routers.Count < exporters)
        {
            return served;
        }

        foreach (var router in routers)
        {
            var id = router.GetProperty("id").GetString()!;
            var sysName = router.GetProperty("hostname").GetString();
            // pmacct keys a Loc-RIB route by the BMP peer that reported it (RFC 9069's all-zero Loc-RIB instance); the API's
            // route names the neighbour it was learned from instead, so the key takes the instance's address from /peers.
            using var peerList = await silo.GetAsync($"/api/v1/routers/{Uri.EscapeDataString(id)}/peers");
            var locRibPeers = (await Json.ReadAsync(peerList)).EnumerateArray()
                .Where(p => p.GetProperty("peerType").GetString() == "loc-rib").Select(p => p.GetProperty("peerAddress").GetString()).Distinct().ToList();
            foreach (var view in Views)
            {
                foreach (var (afi, safi, family) in Families)
                {
                    using var response = await silo.GetAsync(
                        $"/api/v1/routers/{Uri.EscapeDataString(id)}/rib?view={RouteViews.ViewName(view)}&afi={afi}&safi={safi}&limit=1000000");
                    var rib = await Json.ReadAsync(response);
                    Assert.True(response.IsSuccessStatusCode, rib.ToString());
                    Assert.False(rib.GetProperty("truncated").GetBoolean());
                    foreach (var route in rib.GetProperty("routes").EnumerateArray())
                    {
                        var rd = route.GetProperty("rd").GetString() is { } text && RouteDistinguisher.TryParse(text, out var parsed) ? parsed : (RouteDistinguisher?)null;
                        var pathId = route.GetProperty("pathId").ValueKind == JsonValueKind.Null ? (uint?)null : route.GetProperty("pathId").GetUInt32();
                        var peer = view == RibView.LocRib ? Assert.Single(locRibPeers) : route.GetProperty("peerAddress").GetString();
                        var key = $"{sysName}|{peer}|{view}|{family}|{rd}|{IpPrefix.Parse(route.GetProperty("prefix").GetString()!)}|{pathId}";
                        Assert.True(served.TryAdd(key, route), $"{key} served twice");
                    }
                }
            }
        }

        return served;
    }
}
