using System.Collections.Immutable;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Tests.Bgp;
using OrleansNetOps.Bgp.Monitoring;

namespace OrleansNetOps.Analytics.Tests.Correlation;

/// <summary>
/// The findings a fault in the seed lab sets off, as the analysts make them. Session and path findings come from the
/// real detectors; the log-template, trap and metric findings are built the way those analysts state them. Texts are
/// what FRR 8.4.4 and net-snmp produce: bgpd logged the two syslog lines below when a veth under an established
/// session (timers 3/9) was set down, and sends BMP Peer Down reason 2 with FSM event 0 for it (FRR-NOTES).
/// </summary>
internal static class LabSignals
{
    public const string HoldTimerNotification = "%NOTIFICATION: sent to neighbor 203.0.113.2 4/0 (Hold Timer Expired) 0 bytes ";
    public const string HoldTimerAdjChange = "%ADJCHANGE: neighbor 203.0.113.2(isp-a) in vrf default Down BGP Notification send";
    public const string HoldTimerPeerDown = "local close without NOTIFICATION (FSM event 0)";

    /// <summary>A cut of R1–ISP-A at <paramref name="cut"/>, in arrival order: trap, probe loss, syslog, BMP, prefix loss.</summary>
    public static ImmutableArray<Finding> LinkCutR1IspA(DateTimeOffset cut)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        findings.Add(LinkDown(cut.AddMilliseconds(120), "R1", "to-ISP-A", 3));
        findings.AddRange(ProbeLoss(cut, "R1", "ISP-A"));
        findings.Add(Breach(cut.AddSeconds(5), "R1", "/probes/isp[name=ISP-A]/loss-pct", "loss", 100, 0.5));
        findings.Add(NewTemplate(cut.AddSeconds(8.765), "R1", "%NOTIFICATION: sent to neighbor <*> 4/0 (Hold Timer Expired) <*> bytes", HoldTimerNotification));
        findings.AddRange(SessionDown(cut.AddSeconds(8.765), "R1", "203.0.113.2", HoldTimerAdjChange, "syslog"));
        findings.AddRange(SessionDown(cut.AddSeconds(8.81), "R1", "203.0.113.2", HoldTimerPeerDown, "bmp"));
        findings.Add(PrefixLoss(cut.AddSeconds(10), "R1", "203.0.113.2", 4, 0));
        return findings.ToImmutable();
    }

    /// <summary>A BGP session going down as the session detector reports it (up, then down).</summary>
    public static ImmutableArray<Finding> SessionDown(DateTimeOffset at, string router, string neighbor, string reason, string source)
    {
        var detector = new SessionFlapDetector(topology: SeedTopology.Value);
        var up = detector.Observe(null, new SessionChange(at.AddHours(-1), router, neighbor, SessionState.OpenConfirm, SessionState.Established, null, source));
        return detector.Observe(up.History, new SessionChange(at, router, neighbor, SessionState.Established, SessionState.Down, reason, source)).Findings;
    }

    /// <summary>Probes every 5 s, healthy for a minute, then no replies: what the path-quality monitor raises.</summary>
    public static ImmutableArray<Finding> ProbeLoss(DateTimeOffset cut, string router, string isp)
    {
        var monitor = new PathQualityMonitor(PathQualityOptions.FromSla(SeedTopology.Value.Sla), SeedTopology.Value);
        var latency = SeedTopology.Value.Isp(isp)!.LatencyMs;
        var findings = ImmutableArray.CreateBuilder<Finding>();
        for (var t = -60; t <= 15; t += 5)
        {
            var lost = t > 0;
            findings.AddRange(monitor.Observe(new ProbeSample(cut.AddSeconds(t), router, isp, lost ? null : latency, lost ? 100 : 0)));
        }

        return findings.ToImmutable();
    }

    /// <summary>Path latency well above its usual value, as the path-quality monitor raises it.</summary>
    public static ImmutableArray<Finding> SlowPath(DateTimeOffset at, string router, string isp, double latencyMs)
    {
        var monitor = new PathQualityMonitor(PathQualityOptions.FromSla(SeedTopology.Value.Sla), SeedTopology.Value);
        var usual = SeedTopology.Value.Isp(isp)!.LatencyMs;
        var findings = ImmutableArray.CreateBuilder<Finding>();
        for (var t = -60; t <= 120; t += 5)
        {
            findings.AddRange(monitor.Observe(new ProbeSample(at.AddSeconds(t), router, isp, t > 0 ? latencyMs : usual, 0)));
        }

        return findings.ToImmutable();
    }

    /// <summary>An SNMP linkDown trap (IF-MIB: ifIndex, ifAdminStatus up, ifOperStatus down) turned into a finding.</summary>
    public static Finding LinkDown(DateTimeOffset at, string router, string interfaceName, int ifIndex)
    {
        var hostname = SeedTopology.Value.Router(router)!.Hostname;
        var index = ifIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Make(
            FindingKind.LinkDown,
            Subjects.Interface(router, interfaceName),
            at,
            router,
            1,
            $"{router} interface {interfaceName} went down",
            new Evidence(at, "trap", $"linkDown (1.3.6.1.6.3.1.1.5.3) from {hostname}: ifIndex.{index} = {index}, ifAdminStatus.{index} = up(1), ifOperStatus.{index} = down(2), ifDescr.{index} = {interfaceName}")
            {
                Data = Data(("trapOid", "1.3.6.1.6.3.1.1.5.3"), ("ifIndex", index), ("ifAdminStatus", "1"), ("ifOperStatus", "2"), ("interface", interfaceName)),
            });
    }

    /// <summary>A fixed floor crossed (guardrails.yaml), as the anomaly analyst raises it.</summary>
    public static Finding Breach(DateTimeOffset at, string router, string path, string what, double value, double floor) =>
        Metric(FindingKind.ThresholdBreach, at, router, path, 1, $"{router} {what} {value} above the floor {floor}", ("value", value), ("floor", floor));

    /// <summary>The forecaster's warning that a utilisation series will cross its floor within <paramref name="minutes"/>.</summary>
    public static Finding Forecast(DateTimeOffset at, string router, string path, double minutes) =>
        Metric(FindingKind.CongestionForecast, at, router, path, 0.9, $"{router} {path} crosses its floor in {minutes} min", ("minutes", minutes));

    /// <summary>The prefixes received on a session dropping from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static Finding PrefixLoss(DateTimeOffset at, string router, string neighbor, int before, int after) =>
        Metric(
            FindingKind.MetricAnomaly,
            at,
            router,
            $"/network-instances/network-instance[name=default]/protocols/protocol[name=BGP]/bgp/neighbors/neighbor[neighbor-address={neighbor}]/afi-safis/afi-safi[afi-safi-name=IPV4_UNICAST]/state/prefixes/received",
            0.95,
            $"{router} prefixes received from {neighbor} fell from {before} to {after}",
            ("value", after),
            ("baseline", before));

    /// <summary>A CPU anomaly on a router.</summary>
    public static Finding CpuAnomaly(DateTimeOffset at, string router, double percent) =>
        Metric(FindingKind.MetricAnomaly, at, router, "/system/cpu/utilization", 0.9, $"{router} CPU at {percent} %", ("value", percent));

    /// <summary>A log line of a template never seen before, as the log-template miner raises it.</summary>
    public static Finding NewTemplate(DateTimeOffset at, string router, string template, string line)
    {
        return Make(
            FindingKind.NewLogTemplate,
            Subjects.Router(router),
            at,
            router,
            0.6,
            $"new log template on {router}: {template}",
            new Evidence(at, "syslog", line) { Data = Data(("template", template), ("appName", "bgpd")) });
    }

    private static Finding Metric(FindingKind kind, DateTimeOffset at, string router, string path, double score, string summary, params (string Key, double Value)[] values) =>
        Make(
            kind,
            Subjects.Series(router, path),
            at,
            router,
            score,
            summary,
            new Evidence(at, "metric", summary) { Data = Data([.. values.Select(v => (v.Key, v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))]) });

    private static Finding Make(FindingKind kind, FindingSubject subject, DateTimeOffset at, string router, double score, string summary, Evidence evidence) => new()
    {
        Id = FindingId.Create(kind, subject, at),
        At = at,
        Router = router,
        Kind = kind,
        Score = score,
        Summary = summary,
        Subject = subject,
        Evidence = [evidence],
    };

    private static ImmutableSortedDictionary<string, string> Data(params (string Key, string Value)[] data) =>
        data.ToImmutableSortedDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
}
