namespace OrleansNetOps.Grains.Analysis;

/// <summary>One syslog message of a router, as the ingestion edge hands it to the router's analyst.</summary>
/// <param name="At">The message's time.</param>
/// <param name="Message">Its MSG part.</param>
[GenerateSerializer, Immutable]
public sealed record AnalystLogLine(DateTimeOffset At, string Message);
