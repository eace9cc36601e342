using System.Net;
using BenchmarkDotNet.Attributes;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>
/// A 500,000-route VPNv4 table (<see cref="SyntheticVpnTable"/>: 2,000 VRFs on 200 PEs, real attribute sets with
/// route targets) decoded from BMP Route Monitoring into a <see cref="MonitoredRouter"/>, against the baseline of the
/// same prefixes and attribute sets as IPv4 unicast through the same path. Packing is either one route per message
/// (as the Cisco capture sends VPN routes) or a table transfer: each run of routes sharing VRF and attribute set in
/// UPDATEs of up to 4,096 bytes. Every operation applies all 500,000 routes to a fresh router, so routes per second
/// is 500,000 divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class VpnTableBenchmarks
{
    private const int Routes = 500_000;
    private const int MaxUpdate = 4096;
    private static readonly AfiSafi Vpn4 = new(Afi.IPv4, Safi.MplsVpn);
    private byte[][] _unicast = [];
    private byte[][] _vpn = [];

    /// <summary>How the routes are spread over messages.</summary>
    [Params("OneRoute", "TableTransfer")]
    public string Packing { get; set; } = "OneRoute";

    [GlobalSetup]
    public void Setup()
    {
        var table = SyntheticVpnTable.Create(Routes);
        var peer = new BmpPeerHeader(BmpPeerType.Global, BmpPeerFlags.PostPolicy, default, IPAddress.Parse("203.0.113.254"), 65000,
            IPAddress.Parse("203.0.113.254"), 0, 0);
        var context = BgpDecodingContext.FourOctet;
        var unicast = new List<byte[]>();
        var vpn = new List<byte[]>();
        var start = 0;
        while (start < Routes)
        {
            var end = start + 1;
            if (Packing == "TableTransfer")
            {
                while (end < Routes && end - start < (MaxUpdate - 400) / 16
                    && ReferenceEquals(table.VpnAttributes[end], table.VpnAttributes[start])
                    && table.Routes[end].Distinguisher == table.Routes[start].Distinguisher)
                {
                    end++;
                }
            }

            var block = table.Routes[start..end];
            var nextHop = table.NextHops[start];
            vpn.Add(BmpWriter.Encode(new BmpRouteMonitoring(peer, new UpdateMessage(default, table.VpnAttributes[start], default,
                MpReach: MpReachNlri.CreateLabeled(Vpn4, nextHop, block))), context));
            unicast.Add(BmpWriter.Encode(new BmpRouteMonitoring(peer, new UpdateMessage(default, table.UnicastAttributes[start] with { NextHop = nextHop },
                block.Select(r => new Nlri(r.Prefix)).ToArray())), context));
            start = end;
        }

        _unicast = [.. unicast];
        _vpn = [.. vpn];
        Console.WriteLine($"// {Packing}: {Routes} routes in {_vpn.Length} messages; VPN {_vpn.Sum(m => (long)m.Length)} bytes, "
            + $"{table.DistinctSets} distinct attribute sets; unicast {_unicast.Sum(m => (long)m.Length)} bytes");
        Check(IntoMonitoredRouter(), "VPN");
        Check(UnicastIntoMonitoredRouter(), "unicast");
    }

    /// <summary>Baseline: the same prefixes and attribute sets as IPv4 unicast, frames applied to a fresh router.</summary>
    [Benchmark(Baseline = true)]
    public long UnicastIntoMonitoredRouter() => Apply(_unicast);

    /// <summary>The VPN table, frames applied to a fresh router as the router grain applies them.</summary>
    [Benchmark]
    public long IntoMonitoredRouter() => Apply(_vpn);

    /// <summary>The VPN table decoded into message objects, then applied (the decoded-message path).</summary>
    [Benchmark]
    public long DecodeThenApply()
    {
        var router = new MonitoredRouter();
        var reader = new BmpReader();
        foreach (var message in _vpn)
        {
            router.Apply(reader.Decode(message), DateTimeOffset.UnixEpoch);
        }

        return router.TotalRoutes;
    }

    /// <summary>Decoding alone: the VPN routes streamed into a counting sink, no RIB.</summary>
    [Benchmark]
    public long DecodeOnly()
    {
        var reader = new BmpReader();
        var sink = new CountingRouteSink();
        foreach (var message in _vpn)
        {
            reader.DecodeRoutes(message, ref sink);
        }

        return sink.Routes;
    }

    private static long Apply(byte[][] messages)
    {
        var router = new MonitoredRouter();
        var reader = new BmpReader();
        foreach (var message in messages)
        {
            router.Apply(reader, message, DateTimeOffset.UnixEpoch);
        }

        return router.TotalRoutes;
    }

    private static void Check(long routes, string what)
    {
        if (routes != Routes)
        {
            throw new InvalidOperationException($"{what}: {routes} routes held, expected {Routes}");
        }
    }
}
