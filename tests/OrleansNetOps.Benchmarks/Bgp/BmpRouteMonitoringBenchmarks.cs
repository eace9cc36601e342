using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Mrt;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>
/// BMP Route Monitoring decode throughput over the first 100,000 routes of the 2002 RIPE RIS table, as
/// either one prefix per message (the worst case) or a table transfer: each peer's prefixes grouped by
/// attribute set and packed into UPDATEs of up to 4,096 bytes, as a router sends them. Every operation
/// decodes all 100,000 prefixes, so prefixes per second is 100,000 divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class BmpRouteMonitoringBenchmarks
{
    private const int MaxUpdate = 4096;
    private byte[][] _messages = [];
    private BmpReader _warm = new();

    /// <summary>How the prefixes are spread over messages.</summary>
    [Params("OnePrefix", "TableTransfer")]
    public string Packing { get; set; } = "OnePrefix";

    [GlobalSetup]
    public void Setup()
    {
        var records = MrtReader.Read(File.OpenRead(DataFile.Path("mrt", "bgpdump", "test_data", "bview.20020722.2337.gz")))
            .OfType<TableDumpRecord>().Take(100_000).ToList();
        var messages = new List<byte[]>();
        if (Packing == "OnePrefix")
        {
            foreach (var record in records)
            {
                messages.Add(Message(record, [new Nlri(record.Prefix)]));
            }
        }
        else
        {
            // First-seen order of (peer, attribute set) keeps the output deterministic.
            var groups = new Dictionary<(System.Net.IPAddress, PathAttributes), List<TableDumpRecord>>();
            foreach (var record in records)
            {
                var key = (record.PeerAddress, record.Attributes);
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = [];
                }

                group.Add(record);
            }

            foreach (var group in groups.Values)
            {
                var attributesLength = Message(group[0], []).Length - 6 - 42;
                var perMessage = Math.Max(1, (MaxUpdate - attributesLength) / 5);
                foreach (var chunk in group.Chunk(perMessage))
                {
                    messages.Add(Message(chunk[0], chunk.Select(r => new Nlri(r.Prefix)).ToArray()));
                }
            }
        }

        _messages = messages.ToArray();
        Console.WriteLine($"// {Packing}: {records.Count} prefixes in {_messages.Length} messages, {_messages.Sum(m => (long)m.Length)} bytes, {records.Select(r => r.Attributes).Distinct().Count()} distinct attribute sets");
        _warm = new BmpReader(new AttributeSetInterner());
        var sink = new CountingRouteSink();
        foreach (var message in _messages)
        {
            _warm.DecodeRoutes(message, ref sink);
        }
    }

    /// <summary>Frames each message and copies its bytes: the floor any decoder pays.</summary>
    [Benchmark(Baseline = true)]
    public long FrameAndCopy()
    {
        var buffer = new byte[70_000];
        long total = 0;
        foreach (var message in _messages)
        {
            var frame = BmpFraming.Frame(message);
            message.AsSpan(0, frame.Length).CopyTo(buffer);
            total += frame.Length;
        }

        return total;
    }

    /// <summary>Full decode into message objects with a shared attribute interner.</summary>
    [Benchmark]
    public long Decode()
    {
        var reader = new BmpReader(new AttributeSetInterner());
        long prefixes = 0;
        foreach (var message in _messages)
        {
            var frame = BmpFraming.Frame(message);
            var decoded = (BmpRouteMonitoring)reader.Decode(message.AsSpan(0, frame.Length));
            prefixes += decoded.Update.Announced.Count;
        }

        return prefixes;
    }

    /// <summary>
    /// The collector's hot path: routes streamed into a struct sink, no message objects. A fresh interner
    /// per operation, so every distinct attribute set is decoded once (a first table transfer).
    /// </summary>
    [Benchmark]
    public long DecodeRoutes()
    {
        var reader = new BmpReader(new AttributeSetInterner());
        var sink = new CountingRouteSink();
        foreach (var message in _messages)
        {
            var frame = BmpFraming.Frame(message);
            reader.DecodeRoutes(message.AsSpan(0, frame.Length), ref sink);
        }

        return sink.Routes;
    }

    /// <summary>
    /// The hot path once the attribute sets are known (a re-sent table, the post-policy copy, another peer
    /// with the same paths): every attribute block is a wire-cache hit, so this isolates prefix handling.
    /// </summary>
    [Benchmark]
    public long DecodeRoutesWarm()
    {
        var sink = new CountingRouteSink();
        foreach (var message in _messages)
        {
            var frame = BmpFraming.Frame(message);
            _warm.DecodeRoutes(message.AsSpan(0, frame.Length), ref sink);
        }

        return sink.Routes;
    }

    private static byte[] Message(TableDumpRecord record, Nlri[] nlri)
    {
        var update = new UpdateMessage(default, record.Attributes with { As4Path = null }, nlri);
        var bgp = BgpMessageCodec.Encode(update, BgpDecodingContext.FourOctet);
        var message = new byte[6 + 42 + bgp.Length];
        message[0] = 3;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(1), (uint)message.Length);
        message[5] = 0;
        record.PeerAddress.TryWriteBytes(message.AsSpan(6 + 10 + 12), out _);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(6 + 26), record.PeerAs);
        bgp.CopyTo(message, 48);
        return message;
    }
}
