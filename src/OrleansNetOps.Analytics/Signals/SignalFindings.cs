using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Signals;

/// <summary>
/// Findings from signals that are statements already and need no learned baseline: an interface reported down (an SNMP
/// linkDown trap, a syslog link message) and an alert raised by another monitoring system (Alertmanager). Correlation
/// joins them with what the analysts find, and root-cause analysis maps an interface to its topology link.
/// </summary>
public static class SignalFindings
{
    /// <summary>An interface of <paramref name="router"/> went down.</summary>
    /// <param name="router">Topology id of the router.</param>
    /// <param name="interfaceName">The interface as the router names it (ifName, else ifDescr).</param>
    /// <param name="at">When it was reported.</param>
    /// <param name="source">What reported it (e.g. <c>snmp-trap</c>).</param>
    /// <param name="data">What the report carried (ifIndex, admin and oper status), for the evidence.</param>
    public static Finding InterfaceDown(string router, string interfaceName, DateTimeOffset at, string source, params (string Key, string Value)[] data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(router);
        ArgumentException.ThrowIfNullOrWhiteSpace(interfaceName);
        return DetectorFindings.Create(
            FindingKind.LinkDown,
            Subjects.Interface(router, interfaceName),
            at,
            router,
            1,
            $"{router} reports interface {interfaceName} down",
            DetectorFindings.Evidence(at, source, $"{interfaceName} down", [("interface", interfaceName), .. data]));
    }

    /// <summary>A router's log says one of its BGP sessions left Established (FRR: <c>%ADJCHANGE: neighbor … Down …</c>).</summary>
    /// <param name="router">Topology id of the router.</param>
    /// <param name="neighbor">The neighbour's address as logged.</param>
    /// <param name="reason">The reason as logged (e.g. <c>BGP Notification send</c>).</param>
    /// <param name="at">When it was logged.</param>
    /// <param name="source">What carried it (e.g. <c>syslog</c>).</param>
    /// <param name="line">The log line, as the evidence's description.</param>
    public static Finding SessionDown(string router, string neighbor, string reason, DateTimeOffset at, string source, string line)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(router);
        ArgumentException.ThrowIfNullOrWhiteSpace(neighbor);
        return DetectorFindings.Create(
            FindingKind.SessionDown,
            Subjects.Session(router, neighbor),
            at,
            router,
            1,
            $"{router} logs its BGP session with {neighbor} down: {reason}",
            DetectorFindings.Evidence(at, source, line, ("neighbor", neighbor), ("reason", reason),
                ("planned", OrleansNetOps.Analytics.Bgp.SessionFlapDetector.IsPlanned(reason) ? "true" : "false")));
    }

    /// <summary>A firing alert of another monitoring system about <paramref name="router"/>.</summary>
    /// <param name="router">Topology id of the router the alert is about.</param>
    /// <param name="name">The alert's name (Alertmanager's <c>alertname</c>).</param>
    /// <param name="severity">Its severity label as sent (<c>critical</c> makes a critical incident), or null.</param>
    /// <param name="summary">Its summary annotation, or null.</param>
    /// <param name="at">When it started firing.</param>
    /// <param name="source">What sent it (e.g. <c>alertmanager</c>).</param>
    /// <param name="data">Its labels, for the evidence.</param>
    public static Finding Alert(string router, string name, string? severity, string? summary, DateTimeOffset at, string source, params (string Key, string Value)[] data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(router);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var score = severity?.ToLowerInvariant() switch
        {
            "critical" => 1,
            "warning" or "major" => 0.7,
            _ => 0.5,
        };
        return DetectorFindings.Create(
            FindingKind.ExternalAlert,
            Subjects.Router(router),
            at,
            router,
            score,
            $"{source} alert {name} on {router}" + (string.IsNullOrWhiteSpace(summary) ? string.Empty : $": {summary}"),
            DetectorFindings.Evidence(at, source, summary ?? name, [("alertname", name), ("severity", severity ?? "none"), .. data]));
    }
}
