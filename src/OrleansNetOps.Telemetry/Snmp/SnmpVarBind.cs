namespace OrleansNetOps.Telemetry.Snmp;

/// <summary>One variable binding.</summary>
/// <param name="Oid">Dotted OID including the instance, e.g. <c>1.3.6.1.2.1.2.2.1.1.3</c>.</param>
/// <param name="Value">The value.</param>
public sealed record SnmpVarBind(string Oid, SnmpValue Value)
{
    /// <summary>Symbolic name when the object is well known (e.g. <c>ifIndex.3</c>), otherwise null.</summary>
    public string? Name => SnmpObjectNames.Describe(Oid);
}
