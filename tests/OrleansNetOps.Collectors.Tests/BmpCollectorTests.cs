using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Collectors.Bmp;

namespace OrleansNetOps.Collectors.Tests;

public sealed class BmpCollectorTests
{
    [Fact]
    public async Task Real_router_streams_from_many_routers_at_once_arrive_whole_and_in_order()
    {
        var sink = new RecordingSink();
        await using var collector = await StartAsync(sink);
        var streams = RealBmpStreams.MultiSource;
        Assert.True(streams.Count >= 9, $"expected the capture's many sources, found {streams.Count}");

        await Task.WhenAll(streams.Values.Select(bytes => SendAsync(collector, bytes, chunk: 1371)));
        await WaitUntil(() => sink.Closed.Count == streams.Count);

        var expected = streams.Values.Sum(CountMessages);
        Assert.Equal(expected, sink.Messages.Values.Sum(q => q.Count));
        Assert.Equal(6955, sink.Messages.Values.Sum(q => q.Count(m => m is BmpRouteMonitoring)));
        Assert.Equal(3626, sink.Messages.Values.Sum(q => q.Count(m => m is BmpStatisticsReport)));
        Assert.Empty(collector.Counters.Rejected);
        Assert.Equal(expected, collector.Counters.Parsed);
        // Order per connection: each stream starts with its Initiation.
        Assert.All(sink.Messages.Values, q => Assert.IsType<BmpInitiation>(q.First()));
    }

    [Fact]
    public async Task Corrupted_real_streams_never_crash_the_listener_nor_disturb_another_router_and_every_reject_is_counted_and_logged()
    {
        var sink = new RecordingSink();
        var logger = new ListLogger<BmpCollector>();
        await using var collector = await StartAsync(sink, logger);
        var clean = RealBmpStreams.Frr();
        var cleanCount = CountMessages(clean);
        var originals = RealBmpStreams.MultiSource.Values.Take(3).Append(RealBmpStreams.Cisco()).ToList();
        var random = new Random(20261121);
        var corruptions = 0;

        // A clean router keeps streaming while corrupted sessions come and go.
        var cleanRouter = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await SendAsync(collector, clean, chunk: 512);
            }
        });
        for (var round = 0; round < 25; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 80).Select(_ =>
            {
                var original = originals[random.Next(originals.Count)];
                corruptions++;
                return SendAsync(collector, Corrupt(original, random), chunk: 4096);
            }));
        }

        await cleanRouter;
        await WaitUntil(() => sink.Closed.Count == corruptions + 20);

        var cleanSessions = sink.Closed.Where(c => c.Value.SysName is not null && sink.Messages[c.Key].Count == cleanCount).ToList();
        Assert.True(cleanSessions.Count >= 20, $"only {cleanSessions.Count} of 20 clean sessions arrived whole");
        var rejected = collector.Counters.Rejected.Values.Sum();
        Assert.True(rejected > 0, "no corruption was detected at all; the test proves nothing");
        Assert.Equal(collector.Counters.Received, collector.Counters.Parsed + rejected - collector.Counters.Rejected.GetValueOrDefault("framing-lost")
            - collector.Counters.Rejected.GetValueOrDefault("truncated-at-close"));
        var warnings = logger.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Text).ToList();
        Assert.Equal(rejected, warnings.Count(w => w.Contains("stream offset", StringComparison.Ordinal)));
        Assert.All(warnings, w => Assert.Matches(@"from \S+", w));

        // Still accepting and decoding.
        var before = sink.Closed.Count;
        await SendAsync(collector, clean, chunk: 100);
        await WaitUntil(() => sink.Closed.Count == before + 1);
    }

    [Fact]
    public async Task A_malformed_message_is_skipped_by_its_length_and_the_next_one_is_kept()
    {
        var sink = new RecordingSink();
        await using var collector = await StartAsync(sink);
        var stream = RealBmpStreams.Frr();
        var messages = Split(stream);
        // Break the third message's inner content but keep its framing: type byte set to an unknown type.
        var broken = messages.Select((m, i) => i == 2 ? m.ToArray() : m).ToList();
        broken[2][5] = 200;

        await SendAsync(collector, broken.SelectMany(m => m).ToArray(), chunk: 64);
        await WaitUntil(() => sink.Closed.Count == 1);

        Assert.Equal(messages.Count - 1, sink.Messages.Single().Value.Count);
        Assert.Equal(1, collector.Counters.Rejected.Values.Sum());
    }

    [Fact]
    public async Task Lost_framing_closes_only_that_connection()
    {
        var sink = new RecordingSink();
        await using var collector = await StartAsync(sink);
        var stream = RealBmpStreams.Frr();
        var messages = Split(stream);
        var garbage = messages.Take(3).SelectMany(m => m).Concat(new byte[] { 9, 9, 9, 9, 9, 9, 9, 9 }).Concat(messages.Skip(3).SelectMany(m => m)).ToArray();

        await SendAsync(collector, garbage, chunk: 1000);
        await SendAsync(collector, stream, chunk: 1000);
        await WaitUntil(() => sink.Closed.Count == 2);

        Assert.Contains(sink.Messages.Values, q => q.Count == 3);
        Assert.Contains(sink.Messages.Values, q => q.Count == messages.Count);
        Assert.Equal(1, collector.Counters.Rejected["framing-lost"]);
    }

    [Fact]
    public async Task Sources_are_the_routers_whose_sessions_were_taken_not_refused_ones()
    {
        var sink = new RecordingSink { Refuse = c => c.Id.EndsWith("#2", StringComparison.Ordinal) };
        await using var collector = await StartAsync(sink);
        var stream = RealBmpStreams.Frr();
        var messages = Split(stream).Count;

        await SendAsync(collector, stream, chunk: 1000);
        await WaitUntil(() => sink.Closed.Count == 1);
        await SendAsync(collector, stream, chunk: 1000);
        await WaitUntil(() => collector.Counters.Rejected.GetValueOrDefault("session-refused") == 1);
        await SendAsync(collector, stream, chunk: 1000);
        await WaitUntil(() => sink.Closed.Count == 2);

        // Two sessions of one router taken, one refused: one source, with the messages of the sessions taken.
        var source = Assert.Single(collector.Counters.Sources);
        Assert.Equal(sink.Routers.Values.Distinct().Single(), source.Key);
        Assert.Equal(2 * messages, source.Value);
        Assert.True(collector.Counters.Received > 2 * messages, "the refused session's messages were received too");
    }

    internal static async Task<BmpCollector> StartAsync(IBmpBatchSink sink, ILogger<BmpCollector>? logger = null)
    {
        var collector = new BmpCollector(new BmpCollectorOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) }, sink,
            logger ?? new ListLogger<BmpCollector>());
        await collector.StartAsync();
        return collector;
    }

    internal static async Task SendAsync(BmpCollector collector, byte[] bytes, int chunk)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, collector.LocalEndpoint!.Port);
        var stream = client.GetStream();
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            try
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)));
            }
            catch (IOException)
            {
                // The collector closed a connection whose framing was lost.
                return;
            }
        }

        client.Client.Shutdown(SocketShutdown.Send);
        var drain = new byte[16];
        try
        {
            while (await stream.ReadAsync(drain) > 0)
            {
            }
        }
        catch (IOException)
        {
        }
    }

    internal static int CountMessages(byte[] bytes) => Split(bytes).Count;

    internal static List<byte[]> Split(byte[] bytes)
    {
        var result = new List<byte[]>();
        var span = bytes.AsSpan();
        while (BmpFraming.Frame(span) is { Status: BmpFrameStatus.Complete } frame)
        {
            result.Add(span[..frame.Length].ToArray());
            span = span[frame.Length..];
        }

        return result;
    }

    private static byte[] Corrupt(byte[] original, Random random)
    {
        var bytes = original.ToArray();
        switch (random.Next(3))
        {
            case 0:
                return bytes[..random.Next(1, bytes.Length)];
            case 1:
                for (var i = 0; i < 1 + random.Next(8); i++)
                {
                    var at = random.Next(bytes.Length);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            default:
                var messages = Split(original);
                var offset = 0;
                var target = random.Next(messages.Count);
                for (var i = 0; i < target; i++)
                {
                    offset += messages[i].Length;
                }

                // Rewrite a length field inside the message (past the common header), not the framing length.
                var inner = offset + 6 + random.Next(Math.Max(1, messages[target].Length - 8));
                if (inner + 1 < bytes.Length)
                {
                    bytes[inner] = (byte)random.Next(256);
                    bytes[inner + 1] = (byte)random.Next(256);
                }

                return bytes;
        }
    }

    internal static async Task WaitUntil(Func<bool> condition, int timeoutMs = 60_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "condition not reached in time");
            await Task.Delay(20);
        }
    }
}
