using System.Collections.Immutable;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Grains.Analysis;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>An incident candidate in its REST shape (<c>GET /api/v1/findings/candidates</c>).</summary>
internal sealed record CandidateView(
    string Id,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string? MergedInto,
    string Severity,
    string Title,
    ImmutableArray<string> Routers,
    ImmutableArray<string> Findings,
    ImmutableSortedDictionary<string, int> Occurrences,
    ImmutableArray<string> Inhibited,
    CandidateCauseView TopCause,
    ImmutableArray<CandidateCauseView> AlternativeCauses,
    ImmutableArray<EvidenceView> Evidence)
{
    public static CandidateView From(IncidentCandidate candidate) => new(
        candidate.Id,
        candidate.OpenedAt,
        candidate.UpdatedAt,
        candidate.ClosedAt,
        candidate.MergedInto,
        candidate.Severity.ToString().ToLowerInvariant(),
        candidate.Title,
        candidate.Routers,
        [.. candidate.Findings.Select(f => f.Id)],
        candidate.Occurrences,
        candidate.Inhibited,
        CandidateCauseView.From(candidate.TopCause),
        [.. candidate.AlternativeCauses.Select(CandidateCauseView.From)],
        [.. candidate.Evidence.Select(EvidenceView.From)]);
}
