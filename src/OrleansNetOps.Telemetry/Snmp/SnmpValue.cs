using System.Globalization;
using System.Net;
using System.Text;

namespace OrleansNetOps.Telemetry.Snmp;

/// <summary>A decoded varbind value.</summary>
/// <param name="Type">SMI type.</param>
/// <param name="Raw">Content octets as received.</param>
public sealed record SnmpValue(SnmpValueType Type, byte[] Raw)
{
    /// <summary>Signed value (Integer).</summary>
    public long Integer { get; init; }

    /// <summary>Unsigned value (Counter32, Gauge32, TimeTicks, Counter64).</summary>
    public ulong Unsigned { get; init; }

    /// <summary>Dotted OID (ObjectIdentifier).</summary>
    public string? Oid { get; init; }

    /// <summary>The address for IpAddress values.</summary>
    public IPAddress? Address => Type == SnmpValueType.IpAddress && Raw.Length == 4 ? new IPAddress(Raw) : null;

    /// <summary>OctetString as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Raw);

    /// <summary>TimeTicks as a duration.</summary>
    public TimeSpan Duration => TimeSpan.FromMilliseconds(Unsigned * 10.0);

    /// <summary>Display form: numbers in decimal, OIDs dotted, addresses dotted, printable strings as text, other strings in hex.</summary>
    public override string ToString() => Type switch
    {
        SnmpValueType.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks or SnmpValueType.Counter64 => Unsigned.ToString(CultureInfo.InvariantCulture),
        SnmpValueType.ObjectIdentifier => Oid ?? string.Empty,
        SnmpValueType.IpAddress => Address?.ToString() ?? Convert.ToHexString(Raw),
        SnmpValueType.OctetString => Raw.All(b => b is >= 0x20 and < 0x7F or (byte)'\t' or (byte)'\r' or (byte)'\n') ? Text : Convert.ToHexString(Raw),
        SnmpValueType.Null => "null",
        SnmpValueType.NoSuchObject => "noSuchObject",
        SnmpValueType.NoSuchInstance => "noSuchInstance",
        SnmpValueType.EndOfMibView => "endOfMibView",
        _ => Convert.ToHexString(Raw),
    };
}
