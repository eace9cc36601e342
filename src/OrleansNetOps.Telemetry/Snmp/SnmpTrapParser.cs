using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Snmp;

/// <summary>Parses SNMPv2c Trap and InformRequest PDUs, and SNMPv1 Trap PDUs, from a UDP datagram.</summary>
public static class SnmpTrapParser
{
    private const byte Sequence = 0x30;
    private const byte V1TrapPdu = 0xA4;
    private const byte InformPdu = 0xA6;
    private const byte V2TrapPdu = 0xA7;

    /// <summary>Parses a trap or throws <see cref="TelemetryFormatException"/>.</summary>
    public static SnmpTrap Parse(ReadOnlySpan<byte> datagram) =>
        TryParse(datagram, out var trap, out var error) ? trap : throw new TelemetryFormatException(error);

    /// <summary>Parses a trap; on failure reports what was wrong and at which byte.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, [NotNullWhen(true)] out SnmpTrap? trap, out TelemetryParseError error)
    {
        try
        {
            trap = Read(datagram);
            error = default;
            return true;
        }
        catch (TelemetryFormatException e)
        {
            trap = null;
            error = e.Error;
            return false;
        }
    }

    private static SnmpTrap Read(ReadOnlySpan<byte> datagram)
    {
        var outer = new BerReader(datagram);
        var message = outer.ReadConstructed(Sequence, "SNMP message SEQUENCE");
        var versionAt = message.Offset;
        var version = message.ReadInteger("version");
        if (version is not (0 or 1))
        {
            throw new TelemetryFormatException($"SNMP version {version} is not supported (only v1 = 0 and v2c = 1)", versionAt);
        }

        var community = Encoding.UTF8.GetString(message.ReadOctetString("community"));
        var pduAt = message.Offset;
        var tag = message.PeekTag();
        SnmpTrap trap;
        if (version == 1 && tag is V2TrapPdu or InformPdu)
        {
            trap = ReadV2(message.ReadConstructed(tag, "SNMPv2-Trap-PDU"), community, pduAt) with { IsInform = tag == InformPdu };
        }
        else if (version == 0 && tag == V1TrapPdu)
        {
            trap = ReadV1(message.ReadConstructed(tag, "Trap-PDU"), community);
        }
        else
        {
            throw new TelemetryFormatException($"PDU tag 0x{tag:X2} is not a trap for SNMP version {version}", pduAt);
        }

        return trap;
    }

    private static SnmpTrap ReadV2(BerReader pdu, string community, int pduAt)
    {
        var requestId = (int)pdu.ReadInteger("request-id");
        pdu.ReadInteger("error-status");
        pdu.ReadInteger("error-index");
        var bindings = ReadVarBinds(pdu.ReadConstructed(Sequence, "variable-bindings"));
        // RFC 3416 4.2.6: the first two bindings are sysUpTime.0 and snmpTrapOID.0.
        if (bindings.Count < 2 || bindings[0].Bind.Oid != SnmpObjectNames.SysUpTime0 || bindings[0].Bind.Value.Type != SnmpValueType.TimeTicks)
        {
            throw new TelemetryFormatException("first varbind of a notification must be sysUpTime.0 (TimeTicks)", bindings.Count > 0 ? bindings[0].Offset : pduAt);
        }

        if (bindings[1].Bind.Oid != SnmpObjectNames.SnmpTrapOid0 || bindings[1].Bind.Value.Type != SnmpValueType.ObjectIdentifier)
        {
            throw new TelemetryFormatException("second varbind of a notification must be snmpTrapOID.0 (OBJECT IDENTIFIER)", bindings[1].Offset);
        }

        return new SnmpTrap(SnmpVersion.V2c, community, requestId, (uint)bindings[0].Bind.Value.Unsigned, bindings[1].Bind.Value.Oid!,
            bindings.Skip(2).Select(b => b.Bind).ToList());
    }

    private static SnmpTrap ReadV1(BerReader pdu, string community)
    {
        var enterprise = pdu.ReadOid("enterprise");
        var addressBytes = pdu.Expect(0x40, "agent-addr (IpAddress)", out var addressAt);
        if (addressBytes.Length != 4)
        {
            throw new TelemetryFormatException($"agent-addr must be 4 bytes, found {addressBytes.Length}", addressAt);
        }

        var agent = new IPAddress(addressBytes);
        var generic = (int)pdu.ReadInteger("generic-trap");
        var specific = (int)pdu.ReadInteger("specific-trap");
        var ticks = pdu.Expect(0x43, "time-stamp (TimeTicks)", out var ticksAt);
        var uptime = (uint)BerReader.DecodeUnsigned(ticks, ticksAt, 32);
        var bindings = ReadVarBinds(pdu.ReadConstructed(Sequence, "variable-bindings")).Select(b => b.Bind).ToList();
        // RFC 3584 3.1: generic traps 0-5 map onto snmpTraps.1-6; enterprise-specific ones onto enterprise.0.specific.
        var trapOid = generic is >= 0 and <= 5
            ? $"{SnmpObjectNames.SnmpTraps}.{(generic + 1).ToString(CultureInfo.InvariantCulture)}"
            : $"{enterprise}.0.{specific.ToString(CultureInfo.InvariantCulture)}";
        return new SnmpTrap(SnmpVersion.V1, community, 0, uptime, trapOid, bindings)
        {
            Enterprise = enterprise,
            AgentAddress = agent,
            GenericTrap = generic,
            SpecificTrap = specific,
        };
    }

    private static List<(SnmpVarBind Bind, int Offset)> ReadVarBinds(BerReader list)
    {
        var result = new List<(SnmpVarBind, int)>();
        while (!list.IsEmpty)
        {
            var at = list.Offset;
            var bind = list.ReadConstructed(Sequence, "VarBind SEQUENCE");
            var oid = bind.ReadOid("VarBind name");
            var value = ReadValue(ref bind);
            if (!bind.IsEmpty)
            {
                throw new TelemetryFormatException("extra data after VarBind value", bind.Offset);
            }

            result.Add((new SnmpVarBind(oid, value), at));
        }

        return result;
    }

    private static SnmpValue ReadValue(ref BerReader reader)
    {
        var at = reader.Offset;
        var content = reader.ReadElement(out var tag, out var contentAt);
        var raw = content.ToArray();
        return tag switch
        {
            0x02 => new SnmpValue(SnmpValueType.Integer, raw) { Integer = BerReader.DecodeSigned(content, contentAt) },
            0x04 => new SnmpValue(SnmpValueType.OctetString, raw),
            0x05 => content.IsEmpty ? new SnmpValue(SnmpValueType.Null, raw) : throw new TelemetryFormatException("NULL must be empty", contentAt),
            0x06 => new SnmpValue(SnmpValueType.ObjectIdentifier, raw) { Oid = BerReader.DecodeOid(content, contentAt) },
            0x40 => content.Length == 4 ? new SnmpValue(SnmpValueType.IpAddress, raw) : throw new TelemetryFormatException($"IpAddress must be 4 bytes, found {content.Length}", contentAt),
            0x41 => new SnmpValue(SnmpValueType.Counter32, raw) { Unsigned = BerReader.DecodeUnsigned(content, contentAt, 32) },
            0x42 => new SnmpValue(SnmpValueType.Gauge32, raw) { Unsigned = BerReader.DecodeUnsigned(content, contentAt, 32) },
            0x43 => new SnmpValue(SnmpValueType.TimeTicks, raw) { Unsigned = BerReader.DecodeUnsigned(content, contentAt, 32) },
            0x44 => new SnmpValue(SnmpValueType.Opaque, raw),
            0x46 => new SnmpValue(SnmpValueType.Counter64, raw) { Unsigned = BerReader.DecodeUnsigned(content, contentAt, 64) },
            0x80 => new SnmpValue(SnmpValueType.NoSuchObject, raw),
            0x81 => new SnmpValue(SnmpValueType.NoSuchInstance, raw),
            0x82 => new SnmpValue(SnmpValueType.EndOfMibView, raw),
            _ => throw new TelemetryFormatException($"unknown varbind value tag 0x{tag:X2}", at),
        };
    }
}
