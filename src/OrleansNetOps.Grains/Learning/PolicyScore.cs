namespace OrleansNetOps.Grains.Learning;

/// <summary>One policy's record in shadow: the A/B between production and a candidate.</summary>
[GenerateSerializer, Immutable]
public sealed record PolicyScore(string Policy, int Decisions, int Reviewed, double? Agreement, double? RewardAvg);
