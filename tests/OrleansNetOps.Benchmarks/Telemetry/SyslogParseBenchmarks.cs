using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using OrleansNetOps.Telemetry.Parsing;
using OrleansNetOps.Telemetry.Syslog;

namespace OrleansNetOps.Benchmarks.Telemetry;

/// <summary>
/// Syslog throughput per message over a TCP-like LF-framed stream of RFC 5424 and RFC 3164 messages.
/// The baseline only finds message boundaries, the floor any parser pays.
/// </summary>
[MemoryDiagnoser]
public class SyslogParseBenchmarks
{
    private const int Messages = 1000;
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<SyslogMessage> parsed = new(Messages);
    private readonly List<TelemetryParseError> errors = [];
    private byte[] stream = [];
    private byte[][] single = [];

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        var lines = new List<byte[]>();
        for (var i = 0; i < Messages; i++)
        {
            var line = (i % 4) switch
            {
                0 => $"<189>Mar  1 11:{i % 60:00}:07 edge-r{i % 8} bgpd[2211]: %BGP-5-ADJCHANGE: neighbor 192.0.2.{i % 250} Down BGP Notification sent",
                1 => $"<30>1 2025-03-01T11:{i % 60:00}:07.{i % 1000:000}Z core-r{i % 8}.example.net sshd 4021 AUTH - Accepted publickey for netops from 198.51.100.{i % 250} port 5{i % 1000:000} ssh2",
                2 => $"<165>1 2025-03-01T11:{i % 60:00}:07.123456+01:00 edge-r{i % 8} ifmgr - LINK [meta@32473 ifName=\"Ethernet1/{i % 48}\" ifIndex=\"{i}\" state=\"down\"][timeQuality tzKnown=\"1\" isSynced=\"1\"] Interface Ethernet1/{i % 48} changed state to down",
                _ => $"<14>Mar {1 + (i % 28),2} 11:{i % 60:00}:07 leaf{i % 16} kernel: [12345.{i:000000}] eth{i % 4}: link up, 10000 Mbps, full duplex",
            };
            lines.Add(Encoding.UTF8.GetBytes(line));
            sb.Append(line).Append('\n');
        }

        stream = Encoding.UTF8.GetBytes(sb.ToString());
        single = lines.ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public int FindBoundaries()
    {
        var count = 0;
        var span = stream.AsSpan();
        while (!span.IsEmpty)
        {
            var lf = span.IndexOf((byte)'\n');
            if (lf < 0)
            {
                break;
            }

            count++;
            span = span[(lf + 1)..];
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int ParseMessages()
    {
        var count = 0;
        foreach (var message in single)
        {
            if (SyslogParser.TryParse(message, Now, out _, out _))
            {
                count++;
            }
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int FrameAndParseStream()
    {
        parsed.Clear();
        errors.Clear();
        var decoder = new SyslogStreamDecoder();
        var buffer = new ReadOnlySequence<byte>(stream);
        decoder.Decode(ref buffer, Now, parsed, errors);
        return parsed.Count;
    }
}
