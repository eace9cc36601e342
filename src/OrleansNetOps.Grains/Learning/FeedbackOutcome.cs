namespace OrleansNetOps.Grains.Learning;

/// <summary>What became of an engineer's feedback.</summary>
/// <param name="Recorded">Whether it was recorded.</param>
/// <param name="Problem">Why not: the action was never seen, or the twin failed it (not forwarded for review).</param>
/// <param name="Decision">The decision with its verdict.</param>
/// <param name="Stats">Shadow statistics after it.</param>
[GenerateSerializer, Immutable]
public sealed record FeedbackOutcome(bool Recorded, string? Problem, ShadowDecision? Decision, ShadowStats? Stats);
