using BenchmarkDotNet.Attributes;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Mrt;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>
/// BMP Route Monitoring decode throughput. The messages are built from the first 100,000 routes of the
/// 2002 RIPE RIS table, one prefix per message as a router sends a table transfer. Divide prefixes by
/// time per operation for prefixes per second.
/// </summary>
[MemoryDiagnoser]
public class BmpRouteMonitoringBenchmarks
{
    private byte[][] _messages = [];

    /// <summary>Prefixes decoded per operation.</summary>
    public int Prefixes => _messages.Length;

    [GlobalSetup]
    public void Setup()
    {
        var messages = new List<byte[]>();
        foreach (var record in MrtReader.Read(File.OpenRead(DataFile.Path("mrt", "bgpdump", "test_data", "bview.20020722.2337.gz"))).OfType<TableDumpRecord>().Take(100_000))
        {
            var update = new OrleansNetOps.Bgp.Messages.UpdateMessage(default, record.Attributes with { As4Path = null }, new[] { new Nlri(record.Prefix) });
            var bgp = OrleansNetOps.Bgp.Messages.BgpMessageCodec.Encode(update, OrleansNetOps.Bgp.Messages.BgpDecodingContext.FourOctet);
            var message = new byte[6 + 42 + bgp.Length];
            message[0] = 3;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(1), (uint)message.Length);
            message[5] = 0;
            record.PeerAddress.TryWriteBytes(message.AsSpan(6 + 10 + 12), out _);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(6 + 26), record.PeerAs);
            bgp.CopyTo(message, 48);
            messages.Add(message);
        }

        _messages = messages.ToArray();
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

    /// <summary>Full decode with a shared attribute interner (the collector's configuration).</summary>
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
}
