using System.Net;
using Ids = OrleansNetOps.Telemetry.Flows.InformationElementRegistry.Ids;

namespace OrleansNetOps.Telemetry.Flows;

/// <summary>
/// The protocol-independent view of a traffic flow: the fields flow analytics rolls up. Counts are as exported
/// (not multiplied by <see cref="SamplingInterval"/>).
/// </summary>
/// <param name="Exporter">Device that exported the flow.</param>
/// <param name="SourceAddress">Source IPv4/IPv6 address (IPAddress.None/IPv6None when absent).</param>
/// <param name="DestinationAddress">Destination address.</param>
/// <param name="SourcePort">Source transport port.</param>
/// <param name="DestinationPort">Destination transport port.</param>
/// <param name="Protocol">IP protocol number.</param>
/// <param name="Bytes">Octets.</param>
/// <param name="Packets">Packets.</param>
/// <param name="InputInterface">Ingress ifIndex.</param>
/// <param name="OutputInterface">Egress ifIndex.</param>
/// <param name="SourceAs">BGP source AS.</param>
/// <param name="DestinationAs">BGP destination AS.</param>
/// <param name="Start">Flow start, when the record says.</param>
/// <param name="End">Flow end, when the record says.</param>
public sealed record FlowRecord(
    IPAddress Exporter,
    IPAddress SourceAddress,
    IPAddress DestinationAddress,
    ushort SourcePort,
    ushort DestinationPort,
    byte Protocol,
    ulong Bytes,
    ulong Packets,
    uint InputInterface,
    uint OutputInterface,
    uint SourceAs,
    uint DestinationAs,
    DateTimeOffset? Start,
    DateTimeOffset? End)
{
    /// <summary>Source prefix length (mask) the exporter reported, if any.</summary>
    public byte? SourcePrefixLength { get; init; }

    /// <summary>Destination prefix length the exporter reported, if any.</summary>
    public byte? DestinationPrefixLength { get; init; }

    /// <summary>Type of service / traffic class byte.</summary>
    public byte ClassOfService { get; init; }

    /// <summary>TCP flags seen in the flow (ORed).</summary>
    public ushort TcpFlags { get; init; }

    /// <summary>IP next hop, if exported.</summary>
    public IPAddress? NextHop { get; init; }

    /// <summary>1-in-N sampling that applies; multiply counts by it for estimated totals.</summary>
    public uint SamplingInterval { get; init; } = 1;

    /// <summary>Normalises a decoded data record; null for options records.</summary>
    public static FlowRecord? From(FlowDataRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.IsOptions)
        {
            return null;
        }

        IPAddress? src = null, dst = null, nextHop = null, bgpNextHop = null;
        ushort srcPort = 0, dstPort = 0, tcpFlags = 0;
        byte protocol = 0, tos = 0;
        byte? srcMask = null, dstMask = null;
        ulong bytes = 0, packets = 0;
        uint input = 0, output = 0, srcAs = 0, dstAs = 0;
        long? startUptime = null, endUptime = null;
        DateTimeOffset? start = null, end = null, systemInit = null;
        long? startDelta = null, endDelta = null;
        foreach (var field in record.Fields)
        {
            if (field.Element.EnterpriseNumber != 0)
            {
                continue;
            }

            switch (field.Element.Id)
            {
                case Ids.SourceIPv4 or Ids.SourceIPv6: src = field.AsAddress(); break;
                case Ids.DestinationIPv4 or Ids.DestinationIPv6: dst = field.AsAddress(); break;
                case Ids.NextHopIPv4 or Ids.NextHopIPv6: nextHop = field.AsAddress(); break;
                case Ids.BgpNextHopIPv4 or Ids.BgpNextHopIPv6: bgpNextHop = field.AsAddress(); break;
                case Ids.SourcePort: srcPort = (ushort)field.AsUInt64(); break;
                case Ids.DestinationPort: dstPort = (ushort)field.AsUInt64(); break;
                case Ids.Protocol: protocol = (byte)field.AsUInt64(); break;
                case Ids.ClassOfService: tos = (byte)field.AsUInt64(); break;
                case Ids.TcpControlBits: tcpFlags = (ushort)field.AsUInt64(); break;
                case Ids.SourceIPv4PrefixLength or Ids.SourceIPv6PrefixLength: srcMask = (byte)field.AsUInt64(); break;
                case Ids.DestinationIPv4PrefixLength or Ids.DestinationIPv6PrefixLength: dstMask = (byte)field.AsUInt64(); break;
                case Ids.OctetDeltaCount or Ids.OctetTotalCount: bytes = field.AsUInt64(); break;
                case Ids.PostOctetDeltaCount when bytes == 0: bytes = field.AsUInt64(); break;
                case Ids.PacketDeltaCount or Ids.PacketTotalCount: packets = field.AsUInt64(); break;
                case Ids.PostPacketDeltaCount when packets == 0: packets = field.AsUInt64(); break;
                case Ids.IngressInterface: input = (uint)field.AsUInt64(); break;
                case Ids.EgressInterface: output = (uint)field.AsUInt64(); break;
                case Ids.SourceAs: srcAs = (uint)field.AsUInt64(); break;
                case Ids.DestinationAs: dstAs = (uint)field.AsUInt64(); break;
                case Ids.StartSysUpTime: startUptime = (long)field.AsUInt64(); break;
                case Ids.EndSysUpTime: endUptime = (long)field.AsUInt64(); break;
                case Ids.StartSeconds or Ids.StartMilliseconds or Ids.StartMicroseconds or Ids.StartNanoseconds: start = field.AsDateTime(); break;
                case Ids.EndSeconds or Ids.EndMilliseconds or Ids.EndMicroseconds or Ids.EndNanoseconds: end = field.AsDateTime(); break;
                case Ids.StartDeltaMicroseconds: startDelta = (long)field.AsUInt64(); break;
                case Ids.EndDeltaMicroseconds: endDelta = (long)field.AsUInt64(); break;
                case Ids.SystemInitTimeMilliseconds: systemInit = field.AsDateTime(); break;
            }
        }

        // sysUpTime stamps are relative to the exporter's boot: anchor them with the header's uptime, or the
        // systemInitTimeMilliseconds an IPFIX exporter sends instead.
        systemInit ??= record.SystemInitTime;
        start ??= FromUptime(record, startUptime, systemInit) ?? FromDelta(record, startDelta);
        end ??= FromUptime(record, endUptime, systemInit) ?? FromDelta(record, endDelta);
        var none = src?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || dst?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? IPAddress.IPv6None
            : IPAddress.None;
        return new FlowRecord(record.Exporter, src ?? none, dst ?? none, srcPort, dstPort, protocol, bytes, packets, input, output, srcAs, dstAs, start, end)
        {
            SourcePrefixLength = srcMask,
            DestinationPrefixLength = dstMask,
            ClassOfService = tos,
            TcpFlags = tcpFlags,
            NextHop = nextHop ?? bgpNextHop,
            SamplingInterval = record.SamplingInterval,
        };
    }

    private static DateTimeOffset? FromUptime(FlowDataRecord record, long? uptimeStamp, DateTimeOffset? systemInit)
    {
        if (uptimeStamp is not { } stamp)
        {
            return null;
        }

        if (systemInit is { } boot)
        {
            return Shift(boot, stamp * TimeSpan.TicksPerMillisecond, stamp);
        }

        if (record.SystemUptimeMilliseconds is { } now)
        {
            // 32-bit uptime wraps after ~49.7 days; the difference is taken modulo 2^32 so a wrap does not jump a month.
            var age = (uint)((ulong)now - (ulong)stamp);
            return Shift(record.ExportTime, -(long)age * TimeSpan.TicksPerMillisecond, age);
        }

        return null;
    }

    private static DateTimeOffset? FromDelta(FlowDataRecord record, long? deltaMicroseconds) =>
        deltaMicroseconds is { } delta ? Shift(record.ExportTime, -delta * 10, delta) : null;

    // Corrupt or hostile stamps must give "unknown", not an exception; the magnitude bound keeps the tick
    // arithmetic from overflowing, the range check does the rest.
    private static DateTimeOffset? Shift(DateTimeOffset origin, long ticks, long magnitude)
    {
        if (magnitude is < 0 or > 100_000_000_000_000)
        {
            return null;
        }

        var result = (Int128)origin.UtcTicks + ticks;
        return result >= DateTimeOffset.MinValue.UtcTicks && result <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset((long)result, TimeSpan.Zero)
            : null;
    }
}
