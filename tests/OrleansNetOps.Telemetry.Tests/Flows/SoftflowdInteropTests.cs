using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.Tests.Capture;
using OrleansNetOps.Telemetry.Tests.Support;

namespace OrleansNetOps.Telemetry.Tests.Flows;

/// <summary>softflowd turns a capture we wrote into NetFlow/IPFIX; the decoded flows must match the capture.</summary>
public sealed class SoftflowdInteropTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private sealed record ExpectedFlow(IPEndPoint Source, IPEndPoint Destination, byte Protocol, int Packets, int Bytes, TimeSpan Duration);

    private static (byte[] Pcap, List<ExpectedFlow> Flows) BuildCapture(bool includeIpv6)
    {
        var frames = new List<(DateTimeOffset, byte[])>();
        var flows = new List<ExpectedFlow>();
        var tcpA = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 40000);
        var tcpB = new IPEndPoint(IPAddress.Parse("10.0.0.2"), 179);
        var tcpBytes = 0;
        uint seq = 1000;
        int[] sizes = [100, 200, 300];
        for (var i = 0; i < sizes.Length; i++)
        {
            var ip = PacketBuilder.Tcp(tcpA, tcpB, seq, 0x18, new byte[sizes[i]]);
            seq += (uint)sizes[i];
            tcpBytes += ip.Length;
            frames.Add((T0.AddMilliseconds(100 * i), PacketBuilder.Ethernet(ip)));
        }

        flows.Add(new ExpectedFlow(tcpA, tcpB, 6, 3, tcpBytes, TimeSpan.FromMilliseconds(200)));
        var udpA = new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5000);
        var udpB = new IPEndPoint(IPAddress.Parse("198.51.100.20"), 53);
        var udpBytes = 0;
        for (var i = 0; i < 2; i++)
        {
            var ip = PacketBuilder.Udp(udpA, udpB, new byte[50]);
            udpBytes += ip.Length;
            frames.Add((T0.AddMilliseconds(50 + (100 * i)), PacketBuilder.Ethernet(ip)));
        }

        flows.Add(new ExpectedFlow(udpA, udpB, 17, 2, udpBytes, TimeSpan.FromMilliseconds(100)));
        if (includeIpv6)
        {
            var v6A = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 1000);
            var v6B = new IPEndPoint(IPAddress.Parse("2001:db8::2"), 2000);
            var v6Bytes = 0;
            for (var i = 0; i < 4; i++)
            {
                var ip = PacketBuilder.Udp(v6A, v6B, new byte[64 + i]);
                v6Bytes += ip.Length;
                frames.Add((T0.AddMilliseconds(75 + (100 * i)), PacketBuilder.Ethernet(ip)));
            }

            flows.Add(new ExpectedFlow(v6A, v6B, 17, 4, v6Bytes, TimeSpan.FromMilliseconds(300)));
        }

        frames.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return (CaptureWriter.Pcap(frames, CaptureWriter.Ethernet), flows);
    }

    private static async Task<List<FlowRecord>> Export(string version, bool includeIpv6)
    {
        var softflowd = ExternalProgram.Require("softflowd", "softflowd");
        var (pcap, _) = BuildCapture(includeIpv6);
        using var file = new TempFile(".pcap", pcap);
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        // softflowd 1.1 never exits when its control-socket path is longer than about 12 characters, so the pid
        // file and socket get short relative names inside a private working directory.
        var work = Directory.CreateTempSubdirectory("sfd");
        List<string> args = ["-d", "-r", file.Path, "-n", $"127.0.0.1:{port}", "-v", version, "-p", "pid", "-c", "ctl"];
        if (includeIpv6)
        {
            args.Add("-6");
        }

        try
        {
            await Task.Run(() => ExternalProgram.Run(softflowd, args, workingDirectory: work.FullName));
        }
        finally
        {
            work.Delete(recursive: true);
        }

        var decoder = new FlowDecoder();
        var records = new List<FlowDataRecord>();
        while (true)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(records.Count == 0 ? 10 : 1));
            try
            {
                var datagram = await udp.ReceiveAsync(cts.Token);
                decoder.Decode(datagram.Buffer, datagram.RemoteEndPoint.Address, DateTimeOffset.UtcNow, records);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Assert.Equal(0, decoder.PendingCount);
        return records.Select(FlowRecord.From).OfType<FlowRecord>().ToList();
    }

    [Theory]
    [InlineData("5", false)]
    [InlineData("9", true)]
    [InlineData("10", true)]
    public async Task Decoded_flows_match_the_capture(string version, bool includeIpv6)
    {
        var (_, expected) = BuildCapture(includeIpv6);

        var flows = await Export(version, includeIpv6);

        Assert.Equal(expected.Count, flows.Count);
        foreach (var e in expected)
        {
            var f = Assert.Single(flows, f => f.SourceAddress.Equals(e.Source.Address) && f.DestinationAddress.Equals(e.Destination.Address));
            Assert.Equal(e.Source.Port, f.SourcePort);
            Assert.Equal(e.Destination.Port, f.DestinationPort);
            Assert.Equal(e.Protocol, f.Protocol);
            Assert.Equal((ulong)e.Packets, f.Packets);
            Assert.Equal((ulong)e.Bytes, f.Bytes);
            Assert.NotNull(f.Start);
            Assert.NotNull(f.End);
            // softflowd stamps flows relative to its own clock, so only the duration is known; it has millisecond resolution.
            Assert.InRange((f.End!.Value - f.Start!.Value).TotalMilliseconds, e.Duration.TotalMilliseconds - 1, e.Duration.TotalMilliseconds + 1);
        }
    }
}
