using System.Collections.Immutable;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>A candidate cause in its REST shape: <c>{ subject, confidence, explanation, evidence }</c>.</summary>
/// <param name="Subject">The cause, <c>kind:id</c> (e.g. <c>link:R1~ISP-A</c>).</param>
/// <param name="Confidence">How well it explains the symptoms, in [0, 1].</param>
/// <param name="Explanation">Why it is named.</param>
/// <param name="Evidence">The symptoms it explains.</param>
public sealed record CandidateCauseView(string Subject, double Confidence, string Explanation, ImmutableArray<EvidenceView> Evidence)
{
    /// <summary>The view of a candidate cause.</summary>
    public static CandidateCauseView From(CandidateCause cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return new CandidateCauseView(cause.Subject.ToString(), cause.Confidence, cause.Explanation, [.. cause.Evidence.Select(EvidenceView.From)]);
    }
}
