namespace OrleansNetOps.Analytics.Anomaly.Nab;

/// <summary>
/// A NAB application profile: the weights of a true positive, a false positive and a false negative
/// (NAB's <c>config/profiles.json</c>; the true-negative weight is unused by the score).
/// </summary>
/// <param name="TruePositiveWeight">A_TP.</param>
/// <param name="FalsePositiveWeight">The magnitude of A_FP (applied as a penalty).</param>
/// <param name="FalseNegativeWeight">The magnitude of A_FN (applied as a penalty).</param>
public sealed record NabCostProfile(double TruePositiveWeight, double FalsePositiveWeight, double FalseNegativeWeight)
{
    /// <summary>NAB's standard profile: A_TP = 1, A_FP = −0.11, A_FN = −1.</summary>
    public static NabCostProfile Standard { get; } = new(1.0, 0.11, 1.0);

    /// <summary>NAB's "reward low FP rate" profile: A_FP = −0.22.</summary>
    public static NabCostProfile RewardLowFalsePositives { get; } = new(1.0, 0.22, 1.0);

    /// <summary>NAB's "reward low FN rate" profile: A_FN = −2.</summary>
    public static NabCostProfile RewardLowFalseNegatives { get; } = new(1.0, 0.11, 2.0);
}
