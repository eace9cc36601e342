using System.Globalization;
using System.Text.RegularExpressions;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Signals;
using OrleansNetOps.Telemetry.Alerts;
using OrleansNetOps.Telemetry.Snmp;
using OrleansNetOps.Telemetry.Syslog;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>
/// Reads the signals that state a fault outright from what the collectors stored: an SNMP linkDown trap (RFC 2863's
/// ifIndex, ifDescr, ifName, ifAdminStatus, ifOperStatus varbinds), a firing Alertmanager alert about a router, and FRR's
/// syslog line for a BGP session leaving Established (<c>%ADJCHANGE: neighbor 203.0.113.2(ISP-A) in vrf default Down …</c>).
/// Everything else stays in its read model for people and is left to the learning analysts.
/// </summary>
internal static partial class SignalTranslation
{
    // RFC 2863's interface columns, by the names the trap parser already knows them under.
    private static readonly string IfIndex = Column("ifIndex");
    private static readonly string IfDescr = Column("ifDescr");
    private static readonly string IfAdminStatus = Column("ifAdminStatus");
    private static readonly string IfOperStatus = Column("ifOperStatus");
    private static readonly string IfName = Column("ifName");

    public static Finding? Finding(StoredTrap stored)
    {
        var trap = stored.Trap;
        if (trap.Name != "linkDown")
        {
            return null;
        }

        var index = trap.Find(IfIndex)?.Value.Integer;
        var name = Text(trap.Find(IfName)) ?? Text(trap.Find(IfDescr))
            ?? (index is { } i ? "ifIndex " + i.ToString(CultureInfo.InvariantCulture) : null);
        if (name is null)
        {
            return null;
        }

        var data = new List<(string, string)> { ("agent", stored.Source) };
        if (index is { } ifIndex)
        {
            data.Add(("ifIndex", ifIndex.ToString(CultureInfo.InvariantCulture)));
        }

        if (trap.Find(IfAdminStatus)?.Value.Integer is { } admin)
        {
            data.Add(("ifAdminStatus", Status(admin)));
        }

        if (trap.Find(IfOperStatus)?.Value.Integer is { } oper)
        {
            data.Add(("ifOperStatus", Status(oper)));
        }

        return SignalFindings.InterfaceDown(stored.Router, name, stored.Time, "snmp-trap", [.. data]);
    }

    public static Finding? Finding(StoredSyslogMessage stored)
    {
        var text = stored.Message.Message;
        if (!text.Contains("%ADJCHANGE", StringComparison.Ordinal) || AdjacencyDown().Match(text) is not { Success: true } down)
        {
            return null;
        }

        return SignalFindings.SessionDown(stored.Router, down.Groups["neighbor"].Value, down.Groups["reason"].Value.Trim(), stored.Time, "syslog", text);
    }

    public static Finding? Finding(StoredAlert stored)
    {
        var alert = stored.Alert;
        if (stored.Router is not { Length: > 0 } router || alert.Status != AlertStatus.Firing || alert.Name is not { } name)
        {
            return null;
        }

        return SignalFindings.Alert(
            router,
            name,
            alert.Labels.GetValueOrDefault("severity"),
            alert.Annotations.GetValueOrDefault("summary") ?? alert.Annotations.GetValueOrDefault("description"),
            alert.StartsAt,
            "alertmanager",
            [.. alert.Labels.Where(l => l.Key is not ("alertname" or "severity")).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => (l.Key, l.Value))]);
    }

    private static string Column(string name) =>
        SnmpObjectNames.ObjectOid(name) ?? throw new InvalidOperationException($"SNMP object {name} is not known to the trap parser");

    private static string? Text(SnmpVarBind? bind) => bind is { Value.Type: SnmpValueType.OctetString } b && b.Value.Raw.Length > 0 ? b.Value.Text : null;

    // RFC 2863 ifAdminStatus / ifOperStatus.
    private static string Status(long value) => value switch
    {
        1 => "up",
        2 => "down",
        3 => "testing",
        5 => "dormant",
        6 => "notPresent",
        7 => "lowerLayerDown",
        _ => "unknown",
    };

    // FRR 8.x bgpd: "%ADJCHANGE: neighbor 203.0.113.2(ISP-A) in vrf default Down BGP Notification send"; the
    // description and the VRF are optional (older releases write neither).
    [GeneratedRegex(@"%ADJCHANGE: neighbor (?<neighbor>[0-9A-Fa-f:.]+)(?:\([^)]*\))?(?: in vrf \S+)? Down(?<reason>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AdjacencyDown();
}
