namespace OrleansNetOps.Telemetry.Flows;

/// <summary>Abstract data types of information elements (RFC 7012 section 3.1), as far as decoding needs them.</summary>
public enum FlowDataType
{
    /// <summary>Opaque bytes (also every unknown or enterprise element).</summary>
    OctetArray,
    /// <summary>Unsigned integer, 1-8 bytes, possibly reduced-size encoded.</summary>
    Unsigned,
    /// <summary>Two's-complement signed integer.</summary>
    Signed,
    /// <summary>IEEE 754 float, 4 or 8 bytes.</summary>
    Float,
    /// <summary>1 = true, 2 = false.</summary>
    Boolean,
    /// <summary>48-bit MAC address.</summary>
    MacAddress,
    /// <summary>UTF-8 string.</summary>
    String,
    /// <summary>Seconds since the UNIX epoch.</summary>
    DateTimeSeconds,
    /// <summary>Milliseconds since the UNIX epoch.</summary>
    DateTimeMilliseconds,
    /// <summary>NTP timestamp, microsecond precision.</summary>
    DateTimeMicroseconds,
    /// <summary>NTP timestamp, nanosecond precision.</summary>
    DateTimeNanoseconds,
    /// <summary>IPv4 address.</summary>
    Ipv4Address,
    /// <summary>IPv6 address.</summary>
    Ipv6Address,
}
