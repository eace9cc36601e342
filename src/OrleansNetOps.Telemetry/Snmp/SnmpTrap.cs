using System.Net;

namespace OrleansNetOps.Telemetry.Snmp;

/// <summary>
/// A decoded trap. SNMPv1 traps are presented the SNMPv2 way (RFC 3584 section 3.1): a trap OID and an uptime,
/// with the v1-only fields kept as well.
/// </summary>
/// <param name="Version">Message version.</param>
/// <param name="Community">Community string.</param>
/// <param name="RequestId">Request id (0 for v1, which has none).</param>
/// <param name="Uptime">sysUpTime.0 in hundredths of a second.</param>
/// <param name="TrapOid">snmpTrapOID.0.</param>
/// <param name="VarBinds">Variable bindings after sysUpTime.0 and snmpTrapOID.0.</param>
public sealed record SnmpTrap(SnmpVersion Version, string Community, int RequestId, uint Uptime, string TrapOid, IReadOnlyList<SnmpVarBind> VarBinds)
{
    /// <summary>Well-known name of the trap (e.g. <c>linkDown</c>), or null.</summary>
    public string? Name => SnmpObjectNames.NotificationName(TrapOid);

    /// <summary>True for an InformRequest, which expects a response.</summary>
    public bool IsInform { get; init; }

    /// <summary>v1 only: enterprise OID.</summary>
    public string? Enterprise { get; init; }

    /// <summary>v1 only: agent address.</summary>
    public IPAddress? AgentAddress { get; init; }

    /// <summary>v1 only: generic trap number.</summary>
    public int? GenericTrap { get; init; }

    /// <summary>v1 only: specific trap number.</summary>
    public int? SpecificTrap { get; init; }

    /// <summary>First varbind whose OID is exactly, or starts with, <paramref name="oidOrPrefix"/> followed by an instance.</summary>
    public SnmpVarBind? Find(string oidOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(oidOrPrefix);
        return VarBinds.FirstOrDefault(v => v.Oid == oidOrPrefix || (v.Oid.StartsWith(oidOrPrefix, StringComparison.Ordinal) && v.Oid[oidOrPrefix.Length] == '.'));
    }
}
