namespace OrleansNetOps.Grains.Incidents;

/// <summary>One finding that supports an incident's root cause.</summary>
/// <param name="FindingId">The finding's id.</param>
/// <param name="Kind">Its kind (API name, e.g. <c>session-down</c>).</param>
/// <param name="Router">Where it was seen.</param>
/// <param name="At">When.</param>
/// <param name="Score">How strong, 0..1.</param>
/// <param name="Summary">One line.</param>
public sealed record IncidentEvidence(string FindingId, string Kind, string? Router, DateTimeOffset At, double Score, string Summary)
{
    /// <summary>The finding's evidence data (an alert's labels...): what a fault mapping matches and a runbook's arguments read.</summary>
    public System.Collections.Immutable.ImmutableSortedDictionary<string, string> Data { get; init; } =
        System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty;
}
