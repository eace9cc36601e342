using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.RootCause;

/// <summary>A supposed cause: a network object and how it failed.</summary>
/// <param name="Subject">The object.</param>
/// <param name="Mode">How it failed.</param>
public sealed record CauseHypothesis(FindingSubject Subject, FaultMode Mode)
{
    /// <summary>For a person, e.g. <c>link R1~ISP-A down</c>.</summary>
    public string Describe() => (Subject.Kind, Mode) switch
    {
        (_, FaultMode.AsObserved) => $"{Subject.Kind.ToString().ToLowerInvariant()} {Subject.Id}",
        (SubjectKind.Link, FaultMode.Down) => $"link {Subject.Id} down",
        (SubjectKind.Link, _) => $"link {Subject.Id} degraded",
        (SubjectKind.Session, FaultMode.Down) => $"BGP session {Subject.Id} down on a working link",
        (SubjectKind.Session, _) => $"BGP session {Subject.Id} unstable",
        (SubjectKind.Router, FaultMode.Down) => $"router {Subject.Id} down",
        (SubjectKind.Router, _) => $"router {Subject.Id} degraded",
        (SubjectKind.Isp, FaultMode.Down) => $"{Subject.Id} down",
        (SubjectKind.Isp, _) => $"path through {Subject.Id} degraded",
        (SubjectKind.Prefix, _) => $"origin of {Subject.Id} in question",
        (SubjectKind.AutonomousSystem, _) => $"{Subject.Id} leaking or hijacking routes",
        _ => Subject.ToString(),
    };
}
