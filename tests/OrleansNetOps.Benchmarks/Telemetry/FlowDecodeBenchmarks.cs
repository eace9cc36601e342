using System.Buffers.Binary;
using System.Net;
using BenchmarkDotNet.Attributes;
using OrleansNetOps.Telemetry.Flows;

namespace OrleansNetOps.Benchmarks.Telemetry;

/// <summary>
/// IPFIX decode throughput per data record: datagrams of 28 records with a Cisco-like 19-field IPv4 template.
/// The baseline copies the datagram and walks the set headers, the floor any decoder pays.
/// </summary>
[MemoryDiagnoser]
public class FlowDecodeBenchmarks
{
    private const int RecordsPerDatagram = 28;
    private const int Datagrams = 16;
    private const int Records = RecordsPerDatagram * Datagrams;
    private static readonly IPAddress Exporter = IPAddress.Parse("192.0.2.1");
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly (ushort Id, ushort Length)[] Template =
    [
        (8, 4), (12, 4), (7, 2), (11, 2), (4, 1), (5, 1), (6, 1), (10, 4), (14, 4), (1, 8), (2, 8),
        (152, 8), (153, 8), (9, 1), (13, 1), (16, 4), (17, 4), (15, 4), (89, 1),
    ];

    private readonly List<FlowDataRecord> records = new(RecordsPerDatagram);
    private byte[][] datagrams = [];
    private FlowDecoder decoder = new();

    [GlobalSetup]
    public void Setup()
    {
        decoder = new FlowDecoder();
        var template = new List<byte>();
        Message(template, set =>
        {
            Put16(set, 2);
            var lengthAt = set.Count;
            Put16(set, 0);
            Put16(set, 256);
            Put16(set, Template.Length);
            foreach (var (id, length) in Template)
            {
                Put16(set, id);
                Put16(set, length);
            }

            Patch(set, lengthAt, set.Count - lengthAt + 2);
        });
        decoder.TryDecode(template.ToArray(), Exporter, Now, records, out _);

        var random = new Random(42);
        datagrams = new byte[Datagrams][];
        for (var d = 0; d < Datagrams; d++)
        {
            var message = new List<byte>();
            Message(message, set =>
            {
                Put16(set, 256);
                var lengthAt = set.Count;
                Put16(set, 0);
                for (var r = 0; r < RecordsPerDatagram; r++)
                {
                    foreach (var (_, length) in Template)
                    {
                        for (var i = 0; i < length; i++)
                        {
                            set.Add((byte)random.Next(256));
                        }
                    }
                }

                Patch(set, lengthAt, set.Count - lengthAt + 2);
            });
            datagrams[d] = message.ToArray();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public int CopyAndWalkSets()
    {
        var sets = 0;
        foreach (var datagram in datagrams)
        {
            var copy = datagram.AsSpan().ToArray();
            var pos = 16;
            while (pos + 4 <= copy.Length)
            {
                pos += BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(pos + 2));
                sets++;
            }
        }

        return sets;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int DecodeRecords()
    {
        var count = 0;
        foreach (var datagram in datagrams)
        {
            records.Clear();
            decoder.TryDecode(datagram, Exporter, Now, records, out _);
            count += records.Count;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public ulong DecodeAndNormalize()
    {
        ulong bytes = 0;
        foreach (var datagram in datagrams)
        {
            records.Clear();
            decoder.TryDecode(datagram, Exporter, Now, records, out _);
            foreach (var record in records)
            {
                bytes += FlowRecord.From(record)!.Bytes;
            }
        }

        return bytes;
    }

    private static void Message(List<byte> message, Action<List<byte>> writeSet)
    {
        Put16(message, 10);
        Put16(message, 0);
        Put32(message, 1_740_830_400);
        Put32(message, 1);
        Put32(message, 0);
        writeSet(message);
        Patch(message, 2, message.Count);
    }

    private static void Put16(List<byte> b, int v)
    {
        b.Add((byte)(v >> 8));
        b.Add((byte)v);
    }

    private static void Put32(List<byte> b, uint v)
    {
        Put16(b, (int)(v >> 16));
        Put16(b, (int)(v & 0xFFFF));
    }

    private static void Patch(List<byte> b, int at, int value)
    {
        b[at] = (byte)(value >> 8);
        b[at + 1] = (byte)value;
    }
}
