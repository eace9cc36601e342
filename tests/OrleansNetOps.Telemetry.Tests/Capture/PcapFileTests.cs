using System.Buffers.Binary;
using System.Net;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Telemetry.Tests.Capture;

public sealed class PcapFileTests
{
    private static string Pmacct(string test, string file = "traffic-00.pcap") => SharedData.Path("pmacct", test, file);

    [Theory]
    [InlineData("100-IPFIXv10-CISCO", 6, 10)]
    [InlineData("101-NFv9-CISCO-cust_primitives", 40, 9)]
    [InlineData("104-IPFIXv10-IPv6-CISCO-sampling_option", 5, 10)]
    public void Reads_every_udp_datagram_of_real_exporter_captures(string test, int count, int version)
    {
        var packets = PcapFile.ReadUdp(Pmacct(test));

        Assert.Equal(count, packets.Count);
        foreach (var p in packets)
        {
            var s = p.Payload.Span;
            Assert.Equal(version, BinaryPrimitives.ReadUInt16BigEndian(s));
            if (version == 10)
            {
                // The IPFIX header states the message length: it must match the UDP payload exactly.
                Assert.Equal(s.Length, BinaryPrimitives.ReadUInt16BigEndian(s[2..]));
            }
        }
    }

    [Fact]
    public void Reads_addresses_ports_and_timestamps()
    {
        var packets = PcapFile.ReadUdp(Pmacct("100-IPFIXv10-CISCO"));

        Assert.Equal(new IPEndPoint(IPAddress.Parse("138.187.0.13"), 50109), packets[0].Source);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("138.187.58.1"), 9991), packets[0].Destination);
        Assert.Equal(50111, packets[1].Source.Port);
        Assert.Equal(new DateTimeOffset(2023, 1, 1, 1, 0, 5, TimeSpan.Zero), packets[0].Timestamp);
        Assert.Equal(new DateTimeOffset(2023, 1, 1, 1, 0, 5, 1, TimeSpan.Zero), packets[1].Timestamp);
        Assert.Equal(156, packets[0].Payload.Length);
        Assert.Equal(432, packets[2].Payload.Length);
    }

    [Theory]
    [InlineData("204-BMP-CISCO-peer_down", "traffic-00.pcap")]
    [InlineData("205-BMP-6wind-FRR-peer_down", "traffic-00.pcap")]
    [InlineData("208-BMP-mem-leak-test", "bmp-multi-sources-route-monitoring.pcap")]
    [InlineData("208-BMP-mem-leak-test", "bmp-multi-sources-stats.pcap")]
    public void Reassembles_bmp_streams_into_whole_messages(string test, string file)
    {
        var streams = PcapFile.ReadTcpStreams(Pmacct(test, file));
        var withData = streams.Where(s => s.Data.Length > 0).ToList();

        Assert.NotEmpty(withData);
        foreach (var stream in withData)
        {
            // BMP common header: version 3, 32-bit length. Walking the chain must land exactly on the end.
            var offset = 0;
            var messages = 0;
            while (offset < stream.Data.Length)
            {
                Assert.Equal(3, stream.Data[offset]);
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(stream.Data.AsSpan(offset + 1));
                Assert.InRange(length, 6, stream.Data.Length - offset);
                offset += length;
                messages++;
            }

            Assert.Equal(stream.Data.Length, offset);
            Assert.True(messages >= 1);
        }
    }

    [Theory]
    [InlineData("300-BGP-IPv6-CISCO-extNH_enc", "traffic-00.pcap", 8255)]
    [InlineData("302-BGP-IPv6-multiple-sources", "traffic-01.pcap", 4370)]
    public void Reassembles_bgp_sessions_into_whole_messages(string test, string file, int payloadBytes)
    {
        var stream = Assert.Single(PcapFile.ReadTcpStreams(Pmacct(test, file)), s => s.Data.Length > 0);

        // The total is the sum of the TCP payload lengths tcpdump reports for the capture.
        Assert.Equal(payloadBytes, stream.Data.Length);
        Assert.Equal(179, stream.Destination.Port);
        // Every BGP message starts with 16 bytes of 0xFF and a 16-bit length; the first is an OPEN (type 1).
        Assert.Equal(1, stream.Data[18]);
        // The reproducer's captures may end inside a message, so only whole messages are walked.
        var offset = 0;
        var messages = 0;
        while (offset + 19 <= stream.Data.Length)
        {
            Assert.All(stream.Data.AsSpan(offset, 16).ToArray(), b => Assert.Equal(0xFF, b));
            var length = BinaryPrimitives.ReadUInt16BigEndian(stream.Data.AsSpan(offset + 16));
            Assert.InRange(length, 19, 4096);
            offset += length;
            messages++;
        }

        Assert.True(messages > 3);
    }

    [Fact]
    public void Bmp_stream_holds_every_payload_byte_once()
    {
        var streams = PcapFile.ReadTcpStreams(Pmacct("204-BMP-CISCO-peer_down"));
        var stream = Assert.Single(streams, s => s.Data.Length > 0);

        Assert.Equal(56190, stream.Data.Length); // sum of the TCP payload lengths tcpdump reports
        Assert.Equal(IPAddress.Parse("2001:db8:90::1"), stream.Source.Address);
        Assert.Equal(1790, stream.Destination.Port);
        // First BMP message is the Initiation (type 4), 47 bytes, carried on the SYN.
        Assert.Equal(4, stream.Data[5]);
        Assert.Equal(47u, BinaryPrimitives.ReadUInt32BigEndian(stream.Data.AsSpan(1)));
    }

    public static TheoryData<string> Formats => new()
    {
        "pcap-le-micro", "pcap-be-micro", "pcap-le-nano", "pcap-be-nano", "pcapng-le", "pcapng-be",
        "sll", "sll2", "raw", "vlan", "qinq",
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_and_link_type_yields_the_same_datagrams(string format)
    {
        var original = PcapFile.ReadUdp(Pmacct("101-NFv9-CISCO-cust_primitives"));
        var ips = original.Select(p => (p.Timestamp, Ip: PacketBuilder.Udp(p.Source, p.Destination, p.Payload.Span))).ToList();
        var eth = ips.Select(x => (x.Timestamp, PacketBuilder.Ethernet(x.Ip))).ToList();
        var bytes = format switch
        {
            "pcap-le-micro" => CaptureWriter.Pcap(eth, CaptureWriter.Ethernet),
            "pcap-be-micro" => CaptureWriter.Pcap(eth, CaptureWriter.Ethernet, bigEndian: true),
            "pcap-le-nano" => CaptureWriter.Pcap(eth, CaptureWriter.Ethernet, nano: true),
            "pcap-be-nano" => CaptureWriter.Pcap(eth, CaptureWriter.Ethernet, bigEndian: true, nano: true),
            "pcapng-le" => CaptureWriter.PcapNg(eth, CaptureWriter.Ethernet),
            "pcapng-be" => CaptureWriter.PcapNg(eth, CaptureWriter.Ethernet, bigEndian: true),
            "sll" => CaptureWriter.Pcap(ips.Select(x => (x.Timestamp, PacketBuilder.LinuxSll(x.Ip))), CaptureWriter.Sll),
            "sll2" => CaptureWriter.Pcap(ips.Select(x => (x.Timestamp, PacketBuilder.LinuxSll2(x.Ip))), CaptureWriter.Sll2),
            "raw" => CaptureWriter.Pcap(ips.Select(x => (x.Timestamp, x.Ip)), CaptureWriter.Raw),
            "vlan" => CaptureWriter.Pcap(ips.Select(x => (x.Timestamp, PacketBuilder.Ethernet(x.Ip, 100))), CaptureWriter.Ethernet),
            "qinq" => CaptureWriter.Pcap(ips.Select(x => (x.Timestamp, PacketBuilder.Ethernet(x.Ip, 200, 300))), CaptureWriter.Ethernet),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        using var file = new TempFile(".pcap", bytes);

        var read = PcapFile.ReadUdp(file.Path);

        Assert.Equal(original.Count, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Equal(original[i].Timestamp, read[i].Timestamp);
            Assert.Equal(original[i].Source, read[i].Source);
            Assert.Equal(original[i].Destination, read[i].Destination);
            Assert.Equal(original[i].Payload.ToArray(), read[i].Payload.ToArray());
        }
    }

    [Fact]
    public void Pcapng_simple_packet_blocks_are_read()
    {
        var src = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 1000);
        var dst = new IPEndPoint(IPAddress.Parse("192.0.2.2"), 2000);
        var frame = PacketBuilder.Ethernet(PacketBuilder.Udp(src, dst, "hello"u8));
        using var file = new TempFile(".pcapng", CaptureWriter.PcapNg([(DateTimeOffset.UnixEpoch, frame)], CaptureWriter.Ethernet, simple: true));

        var packet = Assert.Single(PcapFile.ReadUdp(file.Path));

        Assert.Equal("hello"u8.ToArray(), packet.Payload.ToArray());
    }

    [Fact]
    public void Ipv4_fragments_are_reassembled_in_any_order()
    {
        var src = IPAddress.Parse("10.0.0.1");
        var dst = IPAddress.Parse("10.0.0.2");
        var payload = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        var udp = PacketBuilder.Udp(new IPEndPoint(src, 5000), new IPEndPoint(dst, 2055), payload)[20..];
        var t = DateTimeOffset.UnixEpoch;
        var frames = new[]
        {
            (t, PacketBuilder.Ethernet(PacketBuilder.Ipv4(src, dst, 17, udp.AsSpan(1480), 7, 1480, false))),
            (t, PacketBuilder.Ethernet(PacketBuilder.Ipv4(src, dst, 17, udp.AsSpan(0, 1480), 7, 0, true))),
            (t, PacketBuilder.Ethernet(PacketBuilder.Udp(new IPEndPoint(src, 1), new IPEndPoint(dst, 2), [9]))),
        };
        using var file = new TempFile(".pcap", CaptureWriter.Pcap(frames, CaptureWriter.Ethernet));

        var packets = PcapFile.ReadUdp(file.Path);

        Assert.Equal(2, packets.Count);
        Assert.Equal(payload, packets[0].Payload.ToArray());
        Assert.Equal(2055, packets[0].Destination.Port);
        Assert.Equal([9], packets[1].Payload.ToArray());
    }

    [Fact]
    public void Ipv6_fragments_are_reassembled_and_an_incomplete_set_is_skipped()
    {
        var src = IPAddress.Parse("2001:db8::1");
        var dst = IPAddress.Parse("2001:db8::2");
        var payload = Enumerable.Range(0, 2000).Select(i => (byte)(i * 7)).ToArray();
        var udp = PacketBuilder.Udp(new IPEndPoint(src, 5000), new IPEndPoint(dst, 4739), payload)[40..];
        var t = DateTimeOffset.UnixEpoch;
        var frames = new[]
        {
            (t, PacketBuilder.Ethernet(PacketBuilder.Ipv6Fragment(src, dst, 17, udp, 0, 1232, 42))),
            (t, PacketBuilder.Ethernet(PacketBuilder.Ipv6Fragment(src, dst, 17, udp, 0, 1232, 43))),
            (t, PacketBuilder.Ethernet(PacketBuilder.Ipv6Fragment(src, dst, 17, udp, 1232, udp.Length - 1232, 42))),
        };
        using var file = new TempFile(".pcap", CaptureWriter.Pcap(frames, CaptureWriter.Ethernet));

        var packet = Assert.Single(PcapFile.ReadUdp(file.Path));

        Assert.Equal(payload, packet.Payload.ToArray());
        Assert.Equal(src, packet.Source.Address);
    }

    [Fact]
    public void Tcp_segments_are_ordered_deduplicated_and_start_after_the_syn()
    {
        var client = new IPEndPoint(IPAddress.Parse("10.1.1.1"), 40000);
        var server = new IPEndPoint(IPAddress.Parse("10.1.1.2"), 179);
        const uint isn = 0xFFFF_FFF0; // wraps around inside the stream
        const byte syn = 0x02, ack = 0x10, psh = 0x18;
        var t = DateTimeOffset.UnixEpoch;
        byte[] Seg(uint seq, byte flags, string text) =>
            PacketBuilder.Ethernet(PacketBuilder.Tcp(client, server, seq, flags, System.Text.Encoding.ASCII.GetBytes(text)));
        var frames = new[]
        {
            (t, Seg(isn, syn, "")),
            (t, PacketBuilder.Ethernet(PacketBuilder.Tcp(server, client, 5000, syn | ack, []))),
            (t, Seg(unchecked(isn + 1 + 10), psh, "klmnopqrst")), // out of order
            (t, Seg(isn + 1, psh, "abcdefghij")),
            (t, Seg(isn + 1, psh, "abcdefghij")), // retransmission
            (t, Seg(unchecked(isn + 1 + 15), psh, "pqrstuvwxyz")), // overlaps the previous segment
            (t, PacketBuilder.Ethernet(PacketBuilder.Tcp(server, client, 5001, psh, "OK"u8))),
        };
        using var file = new TempFile(".pcap", CaptureWriter.Pcap(frames, CaptureWriter.Ethernet));

        var streams = PcapFile.ReadTcpStreams(file.Path);

        Assert.Equal(2, streams.Count);
        Assert.Equal(client, streams[0].Source);
        Assert.Equal("abcdefghijklmnopqrstuvwxyz", System.Text.Encoding.ASCII.GetString(streams[0].Data));
        Assert.Equal(server, streams[1].Source);
        Assert.Equal("OK", System.Text.Encoding.ASCII.GetString(streams[1].Data));
    }

    [Fact]
    public void Tcp_stream_stops_at_a_hole_the_capture_lost()
    {
        var a = new IPEndPoint(IPAddress.Parse("10.1.1.1"), 1);
        var b = new IPEndPoint(IPAddress.Parse("10.1.1.2"), 2);
        var t = DateTimeOffset.UnixEpoch;
        var frames = new[]
        {
            (t, PacketBuilder.Ethernet(PacketBuilder.Tcp(a, b, 100, 0x18, "abc"u8))),
            (t, PacketBuilder.Ethernet(PacketBuilder.Tcp(a, b, 110, 0x18, "xyz"u8))),
        };
        using var file = new TempFile(".pcap", CaptureWriter.Pcap(frames, CaptureWriter.Ethernet));

        var stream = Assert.Single(PcapFile.ReadTcpStreams(file.Path));

        Assert.Equal("abc"u8.ToArray(), stream.Data);
    }

    [Fact]
    public void Shared_data_paths_point_under_shared_data()
    {
        Assert.EndsWith(System.IO.Path.Combine("shared", "data", "pmacct"), SharedData.Path("pmacct"));
    }
}
