using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Hosting;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Benchmarks.Orleans;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Collectors.Bmp;
using OrleansNetOps.Grains.Analysis;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Network;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>
/// A full IPv4 table (1,000,000 prefixes, one peer, real attribute-set sharing) from a TCP socket to a queryable
/// Adj-RIB-In: through the BMP collector into the domain's <see cref="MonitoredRouter"/>, and through the whole silo
/// path (collector → router grain on Orleans, which decodes the raw frames), on a silo without and on one with the route
/// detectors (<c>analysis.routeDetectors</c>: the router grain hands every batch one-way to its route analyst, and the
/// row ends when that has checked the whole table too). The baseline reads the same bytes from the same socket and drops them.
/// BGP daemons need 83–96 s to take in 1 M prefixes from one peer; the target here is 10 s.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class BmpFullTableBenchmarks
{
    private const int Prefixes = 1_000_000;
    private const int MaxUpdateBytes = 4000;
    private byte[] _stream = [];
    private Microsoft.Extensions.Hosting.IHost? _silo;
    private Microsoft.Extensions.Hosting.IHost? _detectingSilo;

    [GlobalSetup]
    public async Task Setup()
    {
        var table = SyntheticFullTable.Create(Prefixes);
        _stream = Encode(table);
        Console.WriteLine($"// BMP stream: {_stream.Length:N0} bytes for {Prefixes:N0} prefixes, {table.DistinctUsed:N0} distinct attribute sets");
        _silo = await InProcessSilo.StartAsync();
        _detectingSilo = await InProcessSilo.StartAsync(services => services.AddSingleton(RouteAnalystOptions.Default));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await InProcessSilo.StopAsync(_silo);
        await InProcessSilo.StopAsync(_detectingSilo);
    }

    [Benchmark(Baseline = true, Description = "socket read only")]
    public async Task<long> SocketOnly()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var send = SendAsync(((IPEndPoint)listener.LocalEndpoint).Port);
        using var client = await listener.AcceptTcpClientAsync();
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        var stream = client.GetStream();
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        await send;
        return total;
    }

    [Benchmark(Description = "collector → MonitoredRouter")]
    public async Task<long> IntoMonitoredRouter()
    {
        var sink = new MonitoredRouterSink();
        await using var collector = new BmpCollector(new BmpCollectorOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) }, sink,
            NullLogger<BmpCollector>.Instance);
        await collector.StartAsync();
        await SendAsync(collector.LocalEndpoint!.Port);
        await sink.Closed.Task;
        var routes = sink.Router.TotalRoutes;
        return routes == Prefixes ? routes : throw new InvalidOperationException($"{routes} routes, expected {Prefixes}");
    }

    [Benchmark(Description = "collector → router grain (Orleans)")]
    public Task<long> IntoRouterGrain() => IntoRouterGrainAsync(_silo!, detectors: false);

    [Benchmark(Description = "collector → router grain (Orleans), route detectors on")]
    public Task<long> IntoRouterGrainWithRouteDetectors() => IntoRouterGrainAsync(_detectingSilo!, detectors: true);

    private async Task<long> IntoRouterGrainAsync(Microsoft.Extensions.Hosting.IHost silo, bool detectors)
    {
        var services = silo.Services;
        var grains = services.GetRequiredService<IGrainFactory>();
        var analyst = grains.GetGrain<IRouteAnalystGrain>("R1");
        var checkedBefore = detectors ? (await analyst.GetCountsAsync()).PrefixUpdates : 0;
        var sink = new BmpRouterSink(grains, services.GetRequiredService<NetworkTopology>(), services.GetRequiredService<SiloConfig>(),
            TimeProvider.System, NullLogger<BmpRouterSink>.Instance);
        await using var collector = new BmpCollector(new BmpCollectorOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) }, sink,
            NullLogger<BmpCollector>.Instance);
        await collector.StartAsync();
        // The previous iteration's session still shows its whole table until this session's first batch replaces the
        // view (a new session starts a clean one): wait for that, then for this session's whole table.
        var router = grains.GetGrain<IRouterGrain>("R1");
        var previous = (await router.GetSummaryAsync()).BmpMessages;
        // The session stays open until the table is queryable: closing it would end the router's view.
        using var client = await ConnectAndSendAsync(collector.LocalEndpoint!.Port);
        while (previous > 0 && (await router.GetSummaryAsync()).BmpMessages >= previous)
        {
            await Task.Delay(5);
        }

        long routes;
        while ((routes = (await router.GetSummaryAsync()).RoutesHeld) < Prefixes)
        {
            await Task.Delay(5);
        }

        // The detectors read the batches one-way, beside the router: the table is in when they have checked it too.
        while (detectors && (await analyst.GetCountsAsync()).PrefixUpdates - checkedBefore < Prefixes)
        {
            await Task.Delay(5);
        }

        return routes;
    }

    private async Task<TcpClient> ConnectAndSendAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await client.GetStream().WriteAsync(_stream);
        return client;
    }

    private async Task SendAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await client.GetStream().WriteAsync(_stream);
        client.Client.Shutdown(SocketShutdown.Send);
    }

    internal static byte[] Encode(SyntheticFullTable table)
    {
        var context = BgpDecodingContext.FourOctet;
        var localOpen = Open(65001, "198.51.100.1");
        var peerOpen = Open(1234, "203.0.113.201");
        var peer = new BmpPeerHeader(BmpPeerType.Global, BmpPeerFlags.PostPolicy, default, IPAddress.Parse("203.0.113.2"), 1234,
            IPAddress.Parse("203.0.113.201"), 0, 0);
        using var output = new MemoryStream();
        output.Write(BmpWriter.Encode(new BmpInitiation(new[] { BmpWriter.TextTlv(1, "benchmark"), BmpWriter.TextTlv(2, "bench-router") }), context));
        output.Write(BmpWriter.Encode(new BmpPeerUp(peer with { Flags = BmpPeerFlags.None }, IPAddress.Parse("203.0.113.1"), 179, 40000,
            localOpen, peerOpen, default), context));

        // Pack runs of routes sharing an attribute set into UPDATEs, as a router's table transfer does.
        var batch = new List<Nlri>();
        PathAttributes? current = null;
        var budget = 0;
        void Flush()
        {
            if (batch.Count > 0)
            {
                output.Write(BmpWriter.Encode(new BmpRouteMonitoring(peer, new UpdateMessage(Array.Empty<Nlri>(), current!, batch.ToArray())), context));
                batch.Clear();
            }
        }

        for (var i = 0; i < table.Routes.Length; i++)
        {
            var attributes = table.Attributes[i];
            if (!ReferenceEquals(attributes, current) || budget > MaxUpdateBytes)
            {
                Flush();
                current = attributes;
                budget = 300;
            }

            batch.Add(table.Routes[i]);
            budget += 5;
        }

        Flush();
        return output.ToArray();
    }

    private static OpenMessage Open(uint asn, string routerId) =>
        new(4, asn > ushort.MaxValue ? (ushort)23456 : (ushort)asn, 180, IPAddress.Parse(routerId),
            new Capability[] { new FourOctetAsCapability(asn), new MultiprotocolCapability(AfiSafi.IPv4Unicast) });

    private sealed class MonitoredRouterSink : IBmpBatchSink
    {
        private readonly BmpReader _reader = new();

        public MonitoredRouter Router { get; } = new();

        public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? MatchRouter(string? sysName, IPAddress? bgpIdentifier) => null;

        public ValueTask<BmpBatchOutcome> DeliverAsync(BmpConnection connection, BmpFrameBatch frames, bool closed, CancellationToken cancellationToken)
        {
            foreach (var (_, message) in frames.Messages())
            {
                Router.Apply(_reader.Decode(message.Span), DateTimeOffset.UtcNow);
            }

            if (closed)
            {
                Closed.TrySetResult();
            }

            return ValueTask.FromResult(new BmpBatchOutcome(BmpBatchDisposition.Applied, frames.Count, []));
        }
    }
}
