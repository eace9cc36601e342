namespace OrleansNetOps.Grains.Incidents;

/// <summary>One finding that supports an incident's root cause.</summary>
/// <param name="FindingId">The finding's id.</param>
/// <param name="Kind">Its kind (API name, e.g. <c>session-down</c>).</param>
/// <param name="Router">Where it was seen.</param>
/// <param name="At">When.</param>
/// <param name="Score">How strong, 0..1.</param>
/// <param name="Summary">One line.</param>
public sealed record IncidentEvidence(string FindingId, string Kind, string? Router, DateTimeOffset At, double Score, string Summary);
