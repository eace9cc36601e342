using System.Collections.Immutable;
using System.Text.Json;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>
/// A finding in its REST shape (<c>GET /api/v1/findings</c>, and the <c>finding</c> event of the live feed):
/// <c>{ id, t, router, kind, score, summary, subject, evidence, candidateCause? }</c>.
/// </summary>
/// <param name="Id">The finding's id.</param>
/// <param name="T">When it was found.</param>
/// <param name="Router">The router it was found on, if one.</param>
/// <param name="Kind">Its kind (<c>congestion-forecast</c>, <c>metric-anomaly</c>…).</param>
/// <param name="Score">Its score in [0, 1].</param>
/// <param name="Summary">One line for an operator.</param>
/// <param name="Subject">What it is about, <c>kind:id</c> (e.g. <c>series:R1|/probes/isp[name=ISP-A]/utilisation-pct</c>).</param>
/// <param name="Evidence">What it rests on.</param>
/// <param name="CandidateCause">The cause its incident candidate names, once correlated.</param>
public sealed record FindingView(
    string Id,
    DateTimeOffset T,
    string? Router,
    string Kind,
    double Score,
    string Summary,
    string Subject,
    ImmutableArray<EvidenceView> Evidence,
    CandidateCauseView? CandidateCause)
{
    /// <summary>How the API and the live feed write it.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The view of a finding.</summary>
    public static FindingView From(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new FindingView(
            finding.Id,
            finding.At,
            finding.Router,
            FindingKinds.Name(finding.Kind),
            finding.Score,
            finding.Summary,
            finding.Subject.ToString(),
            [.. finding.Evidence.Select(EvidenceView.From)],
            finding.CandidateCause is { } cause ? CandidateCauseView.From(cause) : null);
    }

    /// <summary>The finding as JSON, in this shape.</summary>
    public static string ToJson(Finding finding) => JsonSerializer.Serialize(From(finding), Json);
}
