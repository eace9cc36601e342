using System.Collections.Frozen;

namespace OrleansNetOps.Telemetry.Snmp;

/// <summary>Names for the notifications and objects network operations care about, so traps read as words without MIB files.</summary>
public static class SnmpObjectNames
{
    /// <summary>sysUpTime.0, the first varbind of every SNMPv2 notification.</summary>
    public const string SysUpTime0 = "1.3.6.1.2.1.1.3.0";

    /// <summary>snmpTrapOID.0, the second varbind of every SNMPv2 notification.</summary>
    public const string SnmpTrapOid0 = "1.3.6.1.6.3.1.1.4.1.0";

    /// <summary>snmpTrapEnterprise.0, added when a v1 trap is translated (RFC 3584).</summary>
    public const string SnmpTrapEnterprise0 = "1.3.6.1.6.3.1.1.4.3.0";

    /// <summary>Prefix of the generic notifications (coldStart = .1 ... egpNeighborLoss = .6).</summary>
    public const string SnmpTraps = "1.3.6.1.6.3.1.1.5";

    private static readonly FrozenDictionary<string, string> Notifications = new Dictionary<string, string>
    {
        ["1.3.6.1.6.3.1.1.5.1"] = "coldStart",
        ["1.3.6.1.6.3.1.1.5.2"] = "warmStart",
        ["1.3.6.1.6.3.1.1.5.3"] = "linkDown",
        ["1.3.6.1.6.3.1.1.5.4"] = "linkUp",
        ["1.3.6.1.6.3.1.1.5.5"] = "authenticationFailure",
        ["1.3.6.1.6.3.1.1.5.6"] = "egpNeighborLoss",
        // BGP4-MIB: RFC 1657 numbered the traps under bgpTraps (15.7); RFC 4273 moved them under 15.0.
        ["1.3.6.1.2.1.15.7.1"] = "bgpEstablished",
        ["1.3.6.1.2.1.15.7.2"] = "bgpBackwardTransition",
        ["1.3.6.1.2.1.15.0.1"] = "bgpEstablished",
        ["1.3.6.1.2.1.15.0.2"] = "bgpBackwardTransition",
    }.ToFrozenDictionary();

    // Column objects: the instance (ifIndex, peer address, ...) follows the OID.
    private static readonly FrozenDictionary<string, string> Objects = new Dictionary<string, string>
    {
        ["1.3.6.1.2.1.1.3"] = "sysUpTime",
        ["1.3.6.1.2.1.1.5"] = "sysName",
        ["1.3.6.1.6.3.1.1.4.1"] = "snmpTrapOID",
        ["1.3.6.1.6.3.1.1.4.3"] = "snmpTrapEnterprise",
        ["1.3.6.1.2.1.2.2.1.1"] = "ifIndex",
        ["1.3.6.1.2.1.2.2.1.2"] = "ifDescr",
        ["1.3.6.1.2.1.2.2.1.3"] = "ifType",
        ["1.3.6.1.2.1.2.2.1.7"] = "ifAdminStatus",
        ["1.3.6.1.2.1.2.2.1.8"] = "ifOperStatus",
        ["1.3.6.1.2.1.31.1.1.1.1"] = "ifName",
        ["1.3.6.1.2.1.31.1.1.1.18"] = "ifAlias",
        ["1.3.6.1.2.1.15.3.1.1"] = "bgpPeerIdentifier",
        ["1.3.6.1.2.1.15.3.1.2"] = "bgpPeerState",
        ["1.3.6.1.2.1.15.3.1.7"] = "bgpPeerRemoteAddr",
        ["1.3.6.1.2.1.15.3.1.9"] = "bgpPeerRemoteAs",
        ["1.3.6.1.2.1.15.3.1.14"] = "bgpPeerLastError",
    }.ToFrozenDictionary();

    /// <summary>Name of a notification OID (e.g. <c>linkDown</c>), or null.</summary>
    public static string? NotificationName(string oid) =>
        oid is not null && Notifications.TryGetValue(oid, out var name) ? name : null;

    /// <summary>Name of an object instance OID, e.g. <c>ifOperStatus.3</c> or <c>bgpPeerState.192.0.2.1</c>; null when unknown.</summary>
    public static string? Describe(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        if (Notifications.TryGetValue(oid, out var notification))
        {
            return notification;
        }

        // Longest known object prefix wins; instances are whatever arcs follow it.
        for (var end = oid.Length; end > 0; end = oid.LastIndexOf('.', end - 1))
        {
            if (Objects.TryGetValue(oid[..end], out var name))
            {
                return end == oid.Length ? name : name + oid[end..];
            }
        }

        return null;
    }

    /// <summary>The OID of a named object column, e.g. <c>ifOperStatus</c>.</summary>
    public static string? ObjectOid(string name) => Objects.FirstOrDefault(p => p.Value == name).Key;
}
