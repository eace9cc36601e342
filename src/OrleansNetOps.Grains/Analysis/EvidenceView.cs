using System.Collections.Immutable;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>One piece of evidence in its REST shape: <c>{ t, source, description, data }</c>.</summary>
/// <param name="T">When it was observed.</param>
/// <param name="Source">Where it came from (<c>metric</c>, <c>syslog</c>, <c>bmp</c>…).</param>
/// <param name="Description">What it says.</param>
/// <param name="Data">Its figures, by name.</param>
public sealed record EvidenceView(DateTimeOffset T, string Source, string Description, ImmutableSortedDictionary<string, string> Data)
{
    /// <summary>The view of a piece of evidence.</summary>
    public static EvidenceView From(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new EvidenceView(evidence.At, evidence.Source, evidence.Description, evidence.Data);
    }
}
