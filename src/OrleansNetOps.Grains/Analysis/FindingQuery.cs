using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>Which findings to list.</summary>
/// <param name="Router">Only this router's, when given.</param>
/// <param name="Kind">Only this kind, when given.</param>
/// <param name="From">Found at or after, when given.</param>
/// <param name="To">Found at or before, when given.</param>
/// <param name="Limit">At most this many (newest first).</param>
[GenerateSerializer, Immutable]
public sealed record FindingQuery(string? Router, FindingKind? Kind, DateTimeOffset? From, DateTimeOffset? To, int Limit);
