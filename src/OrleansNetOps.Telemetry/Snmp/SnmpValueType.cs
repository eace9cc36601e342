namespace OrleansNetOps.Telemetry.Snmp;

/// <summary>SMIv2 value types as they appear in a varbind (and the three exception values).</summary>
public enum SnmpValueType
{
    /// <summary>INTEGER / Integer32.</summary>
    Integer,
    /// <summary>OCTET STRING.</summary>
    OctetString,
    /// <summary>NULL.</summary>
    Null,
    /// <summary>OBJECT IDENTIFIER.</summary>
    ObjectIdentifier,
    /// <summary>IpAddress (4 octets).</summary>
    IpAddress,
    /// <summary>Counter32.</summary>
    Counter32,
    /// <summary>Gauge32 / Unsigned32.</summary>
    Gauge32,
    /// <summary>TimeTicks (hundredths of a second).</summary>
    TimeTicks,
    /// <summary>Opaque (BER-wrapped arbitrary data).</summary>
    Opaque,
    /// <summary>Counter64.</summary>
    Counter64,
    /// <summary>noSuchObject exception.</summary>
    NoSuchObject,
    /// <summary>noSuchInstance exception.</summary>
    NoSuchInstance,
    /// <summary>endOfMibView exception.</summary>
    EndOfMibView,
}
