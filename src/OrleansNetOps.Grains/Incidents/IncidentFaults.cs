using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Grains.Incidents;

/// <summary>
/// Reads a correlator candidate as the fault the planner plans for: leaks and hijacks first (they are about prefixes),
/// then a lost session or link, then congestion (forecast or a utilisation floor crossed), then a degraded path;
/// anything else, or a fault whose ISP or neighbour cannot be named, is <see cref="FaultKind.Unknown"/>. The same order
/// decides when later evidence names a deeper fault than the one already planned for (<see cref="Outranks"/>).
/// </summary>
public static class IncidentFaults
{
    /// <summary>The fault of <paramref name="candidate"/> on <paramref name="topology"/>.</summary>
    public static Fault From(IncidentCandidate candidate, NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(topology);
        var kinds = candidate.Findings.Select(f => f.Kind).ToHashSet();
        var isp = IspOf(candidate.TopCause.Subject, topology) ?? candidate.Findings.Select(f => IspOf(f.Subject, topology)).FirstOrDefault(i => i is not null);
        var prefixes = candidate.Findings.Where(f => f.Subject.Kind == SubjectKind.Prefix).Select(f => f.Subject.Id).Distinct().ToImmutableArray();
        var sessionLosses = candidate.Occurrences.Where(o => o.Key.StartsWith(FindingKinds.Name(FindingKind.SessionDown) + "|", StringComparison.Ordinal)).Sum(o => o.Value);
        var kind = kinds switch
        {
            _ when kinds.Contains(FindingKind.RouteLeak) => FaultKind.RouteLeak,
            _ when kinds.Overlaps([FindingKind.OriginHijack, FindingKind.MoreSpecificHijack, FindingKind.MultipleOrigins]) => FaultKind.Hijack,
            _ when kinds.Overlaps([FindingKind.SessionDown, FindingKind.SessionFlap, FindingKind.LinkDown]) => FaultKind.SessionDown,
            _ when kinds.Contains(FindingKind.CongestionForecast) || candidate.Findings.Any(IsUtilisationBreach) => FaultKind.Congestion,
            _ when kinds.Contains(FindingKind.PathQuality) => FaultKind.PathDegradation,
            _ => FaultKind.Unknown,
        };
        var named = kind switch
        {
            FaultKind.RouteLeak or FaultKind.Hijack => isp is not null && !prefixes.IsEmpty,
            FaultKind.Unknown => true,
            _ => isp is not null,
        };
        return new Fault
        {
            Kind = named ? kind : FaultKind.Unknown,
            Summary = candidate.Title,
            Confidence = Math.Clamp(candidate.TopCause.Confidence, 0, 1),
            Routers = candidate.Routers,
            Isp = isp,
            Peer = isp,
            Prefixes = prefixes,
            // A session lost with its link (the correlator blames the physical link, e.g. a fibre cut) tends to flap
            // while the link is repaired.
            Recurring = kinds.Contains(FindingKind.SessionFlap) || sessionLosses > 1
                || (kind == FaultKind.SessionDown && candidate.TopCause.Subject.Kind == SubjectKind.Link),
            MeasuredUtilisation = kind == FaultKind.Congestion ? MeasuredUtilisation(candidate, isp) : null,
        };
    }

    /// <summary>
    /// Whether <paramref name="next"/> is a deeper cause than the <paramref name="planned"/> fault, in the order faults are
    /// read (leak, hijack, lost session, congestion, degradation): a congestion planned for ISP-A is moot once ISP-A's
    /// session is gone, so the incident plans again for the session.
    /// </summary>
    public static bool Outranks(Fault next, Fault planned)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(planned);
        return next.Kind != FaultKind.Unknown && Rank(next.Kind) < Rank(planned.Kind);
    }

    private static int Rank(FaultKind kind) => kind switch
    {
        FaultKind.RouteLeak => 0,
        FaultKind.Hijack => 1,
        FaultKind.SessionDown => 2,
        FaultKind.Congestion => 3,
        FaultKind.PathDegradation => 4,
        _ => 5,
    };

    // The latest utilisation the analysts saw on a series toward the ISP (a breach carries its value, in percent).
    private static double? MeasuredUtilisation(IncidentCandidate candidate, string? isp) =>
        candidate.Findings
            .Where(f => IsUtilisationBreach(f) && (isp is null || f.Subject.Id.Contains(isp, StringComparison.Ordinal)))
            .OrderByDescending(f => f.At)
            .SelectMany(f => f.Evidence)
            .Select(e => e.Data.TryGetValue("value", out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : (double?)null)
            .FirstOrDefault(v => v is > 0) / 100;

    private static bool IsUtilisationBreach(Finding finding) =>
        finding.Kind == FindingKind.ThresholdBreach && finding.Subject.Id.Contains("util", StringComparison.OrdinalIgnoreCase);

    // The ISP a subject names: directly, as one end of a link, as a session's neighbour, or inside a series or interface id.
    private static string? IspOf(FindingSubject subject, NetworkTopology topology)
    {
        switch (subject.Kind)
        {
            case SubjectKind.Isp when topology.Isp(subject.Id) is not null:
                return subject.Id;
            case SubjectKind.Link:
                return subject.Id.Split('~').FirstOrDefault(end => topology.Isp(end) is not null);
            case SubjectKind.Session when Subjects.TrySplitSession(subject.Id, out _, out var neighbor):
                return IPAddress.TryParse(neighbor, out var address) && topology.NodeWithAddress(address) is { } node && topology.Isp(node) is not null
                    ? node
                    : topology.Isp(neighbor)?.Id;
            default:
                return topology.Isps.Select(i => i.Id).FirstOrDefault(id => subject.Id.Contains(id, StringComparison.Ordinal));
        }
    }
}
