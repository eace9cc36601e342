namespace OrleansNetOps.Telemetry.Storage;

/// <summary>A filter over stored telemetry; null members do not filter.</summary>
/// <param name="Router">Only this router.</param>
/// <param name="From">Not before.</param>
/// <param name="To">Not after.</param>
/// <param name="Limit">Most entries returned, newest first.</param>
public sealed record TimeRangeQuery(string? Router, DateTimeOffset? From, DateTimeOffset? To, int Limit);
