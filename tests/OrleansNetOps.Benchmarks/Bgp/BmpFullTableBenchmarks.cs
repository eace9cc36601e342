using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Collectors.Bmp;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Runtime;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>
/// A full IPv4 table (1,000,000 prefixes, one peer, real attribute-set sharing) from a TCP socket to a queryable
/// Adj-RIB-In: through the BMP collector into the domain's <see cref="MonitoredRouter"/>, and through the whole silo
/// path (collector → stream → router grain). The baseline reads the same bytes from the same socket and drops them.
/// BGP daemons need 83–96 s to take in 1 M prefixes from one peer; the target here is 10 s.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class BmpFullTableBenchmarks
{
    private const int Prefixes = 1_000_000;
    private const int MaxUpdateBytes = 4000;
    private byte[] _stream = [];

    [GlobalSetup]
    public void Setup()
    {
        var table = SyntheticFullTable.Create(Prefixes);
        _stream = Encode(table);
        Console.WriteLine($"// BMP stream: {_stream.Length:N0} bytes for {Prefixes:N0} prefixes, {table.DistinctUsed:N0} distinct attribute sets");
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

    [Benchmark(Description = "collector → stream → router grain")]
    public async Task<long> IntoRouterGrain()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TopologyLoader.Parse(
            "asn: 65001\nrouters:\n  - { id: R1, hostname: bench-router, routerId: 198.51.100.1 }\n", "bench-topology.yaml"));
        services.AddGrainRuntime().AddGrains(typeof(RouterGrain).Assembly).AddMemoryGrainStorage().AddMemoryReminders()
            .AddMemoryStreams(TelemetryStreams.Provider, o => o.Capacity = 1024);
        await using var provider = services.BuildServiceProvider();
        var silo = provider.GetRequiredService<Silo>();
        await silo.StartAsync(CancellationToken.None);
        var sink = new StreamSink(provider);
        await using var collector = new BmpCollector(new BmpCollectorOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) }, sink,
            NullLogger<BmpCollector>.Instance);
        await collector.StartAsync();
        await SendAsync(collector.LocalEndpoint!.Port);
        var router = silo.GrainFactory.GetGrain<IRouterGrain>("R1");
        long routes;
        while ((routes = (await router.GetSummaryAsync()).RoutesHeld) < Prefixes)
        {
            await Task.Delay(5);
        }

        await silo.StopAsync(CancellationToken.None);
        return routes;
    }

    private async Task SendAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await client.GetStream().WriteAsync(_stream);
        client.Client.Shutdown(SocketShutdown.Send);
    }

    private static byte[] Encode(SyntheticFullTable table)
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
        public MonitoredRouter Router { get; } = new();

        public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask DeliverAsync(BmpConnection connection, IReadOnlyList<BmpMessage> messages, bool closed, CancellationToken cancellationToken)
        {
            foreach (var message in messages)
            {
                Router.Apply(message, DateTimeOffset.UtcNow);
            }

            if (closed)
            {
                Closed.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class StreamSink(IServiceProvider services) : IBmpBatchSink
    {
        public async ValueTask DeliverAsync(BmpConnection connection, IReadOnlyList<BmpMessage> messages, bool closed, CancellationToken cancellationToken)
        {
            var stream = services.GetRequiredKeyedService<IStreamProvider>(TelemetryStreams.Provider)
                .GetStream<BmpBatch>(StreamId.Create(TelemetryStreams.Bmp, "R1"));
            await stream.OnNextAsync(new BmpBatch(connection.Id, DateTimeOffset.UtcNow, messages, Simulated: false, closed), cancellationToken);
        }
    }
}
