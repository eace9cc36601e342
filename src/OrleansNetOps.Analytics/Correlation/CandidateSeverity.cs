using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.RootCause;

namespace OrleansNetOps.Analytics.Correlation;

/// <summary>How bad a candidate is: the worst of its findings that are not inhibited, raised by a top cause that takes out a router or an ISP.</summary>
internal static class CandidateSeverity
{
    public static IncidentSeverity Of(IEnumerable<Symptom> active, RankedCause top)
    {
        var symptoms = active.ToList();
        var severity = symptoms.Count == 0 ? IncidentSeverity.Info : symptoms.Max(s => Of(s.Finding));
        var sessionsLost = symptoms.Count(s => s.Class == SymptomClass.SessionLoss && !IsPlanned(s.Finding));
        return top.Hypothesis switch
        {
            { Mode: FaultMode.Down, Subject.Kind: SubjectKind.Router } when sessionsLost > 0 => IncidentSeverity.Critical,
            { Mode: FaultMode.Down, Subject.Kind: SubjectKind.Isp } when sessionsLost >= 2 => IncidentSeverity.Critical,
            _ => severity,
        };
    }

    /// <summary>One finding's own severity.</summary>
    public static IncidentSeverity Of(Finding finding) => finding.Kind switch
    {
        FindingKind.SessionDown => IsPlanned(finding) ? IncidentSeverity.Info : IncidentSeverity.Major,
        FindingKind.SessionFlap or FindingKind.LinkDown => IncidentSeverity.Major,
        FindingKind.OriginHijack or FindingKind.MoreSpecificHijack when Says(finding, "ownership", "configured") => IncidentSeverity.Critical,
        FindingKind.RouteLeak when finding.Score >= 1 => IncidentSeverity.Critical, // our own router leaking
        FindingKind.RouteLeak when finding.Score >= 0.9 => IncidentSeverity.Major,
        FindingKind.PathQuality or FindingKind.MetricAnomaly or FindingKind.CongestionForecast when finding.Score >= 0.85 => IncidentSeverity.Major,
        FindingKind.NewLogTemplate or FindingKind.RareLogTemplate => IncidentSeverity.Info,
        FindingKind.ExternalAlert when Says(finding, "severity", "critical") => IncidentSeverity.Critical,
        _ when finding.Score < 0.5 => IncidentSeverity.Info,
        _ => IncidentSeverity.Minor,
    };

    private static bool IsPlanned(Finding finding) => Says(finding, "planned", "true");

    private static bool Says(Finding finding, string key, string value) =>
        finding.Evidence.Any(e => e.Data.TryGetValue(key, out var v) && string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
}
