namespace OrleansNetOps.Grains.Coordination;

/// <summary>The execution gate's answer, as the coordinator evaluated it with its own state.</summary>
/// <param name="Outcome"><c>Proceed</c>, <c>Wait</c> or <c>Refuse</c>.</param>
/// <param name="Reason">Why.</param>
/// <param name="RetryAt">For a full rate limit, when a slot frees.</param>
[GenerateSerializer, Immutable]
public sealed record GateAnswer(string Outcome, string Reason, DateTimeOffset? RetryAt);
