namespace OrleansNetOps.Telemetry.Snmp;

/// <summary>SNMP message version.</summary>
public enum SnmpVersion
{
    /// <summary>SNMPv1 (version field 0).</summary>
    V1 = 0,
    /// <summary>SNMPv2c (version field 1).</summary>
    V2c = 1,
}
