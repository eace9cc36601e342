using System.Net;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Tests.Flows;

public sealed class FlowDecoderTests
{
    private static readonly IPAddress ExporterA = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress ExporterB = IPAddress.Parse("192.0.2.2");
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private const uint ExportSeconds = 1_735_732_800; // 2025-01-01T12:00:00Z

    private static byte[] V4Template(uint domain, int templateId = 256) =>
        new ExportMessageBuilder().Ipfix(ExportSeconds, domain).Set(2)
            .Template(templateId, (8, 4), (12, 4), (7, 2), (11, 2), (4, 1), (1, 8), (2, 4))
            .Build();

    private static byte[] V4Data(uint domain, int templateId, byte lastOctet, ulong bytes, int records = 1)
    {
        var b = new ExportMessageBuilder().Ipfix(ExportSeconds, domain).Set(templateId);
        for (var i = 0; i < records; i++)
        {
            b.Bytes(10, 0, 0, lastOctet).Bytes(10, 0, 1, 1).U16(1234).U16(443).U8(6).U64(bytes).U32(3);
        }

        return b.Build();
    }

    private static List<FlowDataRecord> Decode(FlowDecoder decoder, byte[] datagram, IPAddress? exporter = null, DateTimeOffset? now = null)
    {
        var records = new List<FlowDataRecord>();
        decoder.Decode(datagram, exporter ?? ExporterA, now ?? Now, records);
        return records;
    }

    [Fact]
    public void Ipfix_data_is_decoded_into_typed_named_fields()
    {
        var decoder = new FlowDecoder();
        Decode(decoder, V4Template(1));

        var record = Assert.Single(Decode(decoder, V4Data(1, 256, 7, 1500)));
        var flow = FlowRecord.From(record)!;

        Assert.Equal(FlowProtocol.Ipfix, record.Protocol);
        Assert.Equal(1u, record.ObservationDomainId);
        Assert.True(record.TryGet("sourceIPv4Address", out var src));
        Assert.Equal(FlowDataType.Ipv4Address, src.Element.DataType);
        Assert.Equal(IPAddress.Parse("10.0.0.7"), src.AsAddress());
        Assert.Equal(IPAddress.Parse("10.0.0.7"), flow.SourceAddress);
        Assert.Equal(IPAddress.Parse("10.0.1.1"), flow.DestinationAddress);
        Assert.Equal(1234, flow.SourcePort);
        Assert.Equal(443, flow.DestinationPort);
        Assert.Equal(6, flow.Protocol);
        Assert.Equal(1500ul, flow.Bytes);
        Assert.Equal(3ul, flow.Packets);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(ExportSeconds), record.ExportTime);
    }

    [Fact]
    public void Templates_are_kept_per_exporter_and_observation_domain()
    {
        var decoder = new FlowDecoder();
        Decode(decoder, V4Template(1), ExporterA);
        // Same template id, different layout, from another exporter and from another domain of the same exporter.
        var other = new ExportMessageBuilder().Ipfix(ExportSeconds, 1).Set(2).Template(256, (2, 4)).Build();
        Decode(decoder, other, ExporterB);
        var otherDomain = new ExportMessageBuilder().Ipfix(ExportSeconds, 2).Set(2).Template(256, (1, 4)).Build();
        Decode(decoder, otherDomain, ExporterA);

        var a = Assert.Single(Decode(decoder, V4Data(1, 256, 1, 99), ExporterA));
        var b = Assert.Single(Decode(decoder, new ExportMessageBuilder().Ipfix(ExportSeconds, 1).Set(256).U32(42).Build(), ExporterB));
        var c = Assert.Single(Decode(decoder, new ExportMessageBuilder().Ipfix(ExportSeconds, 2).Set(256).U32(77).Build(), ExporterA));

        Assert.Equal(99ul, FlowRecord.From(a)!.Bytes);
        Assert.Equal(42ul, FlowRecord.From(b)!.Packets);
        Assert.Equal(0ul, FlowRecord.From(b)!.Bytes);
        Assert.Equal(77ul, FlowRecord.From(c)!.Bytes);
    }

    [Fact]
    public void Data_before_its_template_is_held_then_decoded()
    {
        var decoder = new FlowDecoder();

        Assert.Empty(Decode(decoder, V4Data(1, 256, 5, 10, records: 2)));
        Assert.Equal(1, decoder.PendingCount);
        var late = Decode(decoder, V4Template(1), now: Now.AddSeconds(5));

        Assert.Equal(2, late.Count);
        Assert.All(late, r => Assert.Equal(IPAddress.Parse("10.0.0.5"), FlowRecord.From(r)!.SourceAddress));
        Assert.Equal(0, decoder.PendingCount);
        Assert.Equal(1, decoder.Statistics.PendingHeld);
        Assert.Equal(1, decoder.Statistics.PendingDecoded);
        Assert.Equal(2, decoder.Statistics.Records);
    }

    [Fact]
    public void Held_data_times_out_and_is_counted()
    {
        var decoder = new FlowDecoder(new FlowDecoderOptions { PendingTimeout = TimeSpan.FromSeconds(30) });
        Decode(decoder, V4Data(1, 256, 5, 10));
        Decode(decoder, V4Data(1, 300, 6, 10), now: Now.AddSeconds(20));

        decoder.Expire(Now.AddSeconds(40));

        Assert.Equal(1, decoder.Statistics.PendingExpired);
        Assert.Equal(1, decoder.PendingCount);
        Assert.Empty(Decode(decoder, V4Template(1), now: Now.AddSeconds(41)));
        Assert.Single(Decode(decoder, V4Template(1, 300), now: Now.AddSeconds(42)));
    }

    [Fact]
    public void Hold_queue_is_bounded_and_overflow_is_counted()
    {
        var decoder = new FlowDecoder(new FlowDecoderOptions { MaxPendingSets = 2 });
        for (byte i = 1; i <= 3; i++)
        {
            Decode(decoder, V4Data(1, 256, i, i));
        }

        var released = Decode(decoder, V4Template(1));

        Assert.Equal(1, decoder.Statistics.PendingDropped);
        Assert.Equal([2ul, 3ul], released.Select(r => FlowRecord.From(r)!.Bytes));
    }

    [Fact]
    public void Withdrawn_templates_no_longer_decode()
    {
        var decoder = new FlowDecoder();
        Decode(decoder, V4Template(1));
        Decode(decoder, V4Template(1, 257));
        Decode(decoder, new ExportMessageBuilder().Ipfix(ExportSeconds, 1).Set(2).U16(256).U16(0).Build());

        Assert.Empty(Decode(decoder, V4Data(1, 256, 1, 1)));
        Assert.Single(Decode(decoder, V4Data(1, 257, 1, 1)));

        // Template id 2 with no fields withdraws every data template of the domain.
        Decode(decoder, new ExportMessageBuilder().Ipfix(ExportSeconds, 1).Set(2).U16(2).U16(0).Build());
        Assert.Empty(Decode(decoder, V4Data(1, 257, 1, 1)));
        Assert.Equal(2, decoder.Statistics.TemplatesWithdrawn);
        Assert.False(decoder.TryGetTemplate(ExporterA, 1, 257, out _));
    }

    [Fact]
    public void Templates_expire_unless_refreshed()
    {
        var decoder = new FlowDecoder(new FlowDecoderOptions { TemplateLifetime = TimeSpan.FromMinutes(10) });
        Decode(decoder, V4Template(1));
        Decode(decoder, V4Template(1, 257));
        Decode(decoder, V4Template(1, 257), now: Now.AddMinutes(8)); // refresh

        Assert.Empty(Decode(decoder, V4Data(1, 256, 1, 1), now: Now.AddMinutes(11)));
        Assert.Single(Decode(decoder, V4Data(1, 257, 1, 1), now: Now.AddMinutes(11)));
        Assert.Equal(1, decoder.Statistics.TemplatesExpired);
    }

    [Fact]
    public void Variable_length_enterprise_and_ipv6_fields()
    {
        var longName = new string('x', 300);
        var message = new ExportMessageBuilder().Ipfix(ExportSeconds, 0).Set(2)
            .U16(400).U16(5)
            .U16(27).U16(16)
            .U16(28).U16(16)
            .U16(82).U16(0xFFFF)
            .U16(0x8000 | 12345).U16(0xFFFF).U32(9)
            .U16(152).U16(8)
            .Set(400)
            .Bytes(IPAddress.Parse("2001:db8::1").GetAddressBytes()).Bytes(IPAddress.Parse("2001:db8:ffff::2").GetAddressBytes())
            .U8(4).Bytes("eth0"u8.ToArray())
            .U8(255).U16(300).Bytes(System.Text.Encoding.ASCII.GetBytes(longName))
            .U64(1_735_732_799_250)
            .Bytes(IPAddress.Parse("2001:db8::3").GetAddressBytes()).Bytes(IPAddress.Parse("2001:db8::4").GetAddressBytes())
            .U8(0)
            .U8(2).Bytes(0xCA, 0xFE)
            .U64(1_735_732_799_500)
            .Build();

        var records = Decode(new FlowDecoder(), message);

        Assert.Equal(2, records.Count);
        Assert.True(records[0].TryGet("interfaceName", out var name));
        Assert.Equal("eth0", name.AsString());
        Assert.True(records[0].TryGet("e9.12345", out var enterprise));
        Assert.Equal(9u, enterprise.Element.EnterpriseNumber);
        Assert.True(enterprise.Element.IsUnknown);
        Assert.Equal(longName, System.Text.Encoding.ASCII.GetString(enterprise.Raw.Span));
        var first = FlowRecord.From(records[0])!;
        Assert.Equal(IPAddress.Parse("2001:db8::1"), first.SourceAddress);
        Assert.Equal(IPAddress.Parse("2001:db8:ffff::2"), first.DestinationAddress);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_735_732_799_250), first.Start);
        Assert.True(records[1].TryGet("interfaceName", out var empty));
        Assert.Equal(0, empty.Raw.Length);
        Assert.False(records[1].TryGet((ushort)12345, out _)); // an enterprise element never answers for an IANA id
        Assert.Equal("CAFE", records[1].Fields[3].ToString());
    }

    [Fact]
    public void NetFlow_v9_options_template_sampling_and_uptime_times()
    {
        var decoder = new FlowDecoder();
        const uint uptime = 1_000_000;
        var message = new ExportMessageBuilder().NetFlowV9(uptime, ExportSeconds, 7)
            // Options template 300: scope System (4 bytes), option samplerId (1) and FLOW_SAMPLER_RANDOM_INTERVAL (4).
            .Set(1).U16(300).U16(4).U16(8).U16(1).U16(4).U16(48).U16(1).U16(50).U16(4).U16(0)
            .Set(0).Template(256, (8, 4), (12, 4), (1, 4), (2, 4), (22, 4), (21, 4), (48, 1), (10, 2), (14, 2), (16, 4), (17, 4), (9, 1), (13, 1))
            .Set(300).U32(0).U8(3).U32(100).Bytes(0, 0, 0)
            .Set(256)
            .Bytes(198, 51, 100, 1).Bytes(203, 0, 113, 9).U32(5000).U32(5).U32(uptime - 4000).U32(uptime - 1500).U8(3).U16(10).U16(20).U32(64500).U32(64501).U8(24).U8(16)
            .Build();

        var records = Decode(decoder, message);

        var options = Assert.Single(records, r => r.IsOptions);
        Assert.Equal("scopeSystem", options.Fields[0].Name);
        var data = Assert.Single(records, r => !r.IsOptions);
        var flow = FlowRecord.From(data)!;
        Assert.Equal(100u, flow.SamplingInterval);
        Assert.Equal(7u, data.ObservationDomainId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(ExportSeconds).AddMilliseconds(-4000), flow.Start);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(ExportSeconds).AddMilliseconds(-1500), flow.End);
        Assert.Equal((10u, 20u, 64500u, 64501u), (flow.InputInterface, flow.OutputInterface, flow.SourceAs, flow.DestinationAs));
        Assert.Equal((byte?)24, flow.SourcePrefixLength);
        Assert.Equal((byte?)16, flow.DestinationPrefixLength);
    }

    [Fact]
    public void NetFlow_v5_fixed_records()
    {
        var b = new ExportMessageBuilder().U16(5).U16(1).U32(60_000).U32(ExportSeconds).U32(0).U32(1).U8(0).U8(3).U16(0x4000 | 10);
        b.Bytes(10, 1, 1, 1).Bytes(10, 2, 2, 2).Bytes(10, 9, 9, 9).U16(3).U16(4).U32(7).U32(700).U32(50_000).U32(59_000)
            .U16(1000).U16(2000).U8(0).U8(0x12).U8(17).U8(0x20).U16(65000).U16(65001).U8(8).U8(16).U16(0);

        var record = Assert.Single(Decode(new FlowDecoder(), b.Build()));
        var flow = FlowRecord.From(record)!;

        Assert.Equal(FlowProtocol.NetFlowV5, record.Protocol);
        Assert.Equal(3u, record.ObservationDomainId);
        Assert.Equal(10u, flow.SamplingInterval);
        Assert.Equal(IPAddress.Parse("10.1.1.1"), flow.SourceAddress);
        Assert.Equal(IPAddress.Parse("10.9.9.9"), flow.NextHop);
        Assert.Equal((3u, 4u, 7ul, 700ul), (flow.InputInterface, flow.OutputInterface, flow.Packets, flow.Bytes));
        Assert.Equal((1000, 2000, (byte)17, (ushort)0x12, (byte)0x20), (flow.SourcePort, flow.DestinationPort, flow.Protocol, flow.TcpFlags, flow.ClassOfService));
        Assert.Equal((65000u, 65001u), (flow.SourceAs, flow.DestinationAs));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(ExportSeconds).AddSeconds(-10), flow.Start);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(ExportSeconds).AddSeconds(-1), flow.End);
    }

    [Fact]
    public void Malformed_set_reports_offset_and_keeps_earlier_records()
    {
        var decoder = new FlowDecoder();
        Decode(decoder, V4Template(1));
        var good = V4Data(1, 256, 1, 1);
        var message = good.Concat(new byte[] { 1, 0, 0, 40, 0, 0 }).ToArray();
        message[2] = 0;
        message[3] = (byte)message.Length;
        var records = new List<FlowDataRecord>();

        var ok = decoder.TryDecode(message, ExporterA, Now, records, out var error);

        Assert.False(ok);
        Assert.Single(records);
        Assert.Equal(good.Length + 2, error.Offset);
        Assert.Contains("length 40", error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, decoder.Statistics.Malformed);
    }

    [Theory]
    [InlineData(new byte[] { 0, 7, 0, 0 }, 0, "unsupported flow export version 7")]
    [InlineData(new byte[] { 0, 10, 0, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 2, "IPFIX message length 200")]
    [InlineData(new byte[] { 0, 9, 0, 0 }, 0, "NetFlow v9 header")]
    [InlineData(new byte[] { 0, 5, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 2, "NetFlow v5 count 2")]
    public void Header_errors_are_precise(byte[] datagram, int offset, string reason)
    {
        var ex = Assert.Throws<TelemetryFormatException>(() => Decode(new FlowDecoder(), datagram));

        Assert.Equal(offset, ex.Offset);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
