using System.Globalization;

namespace OrleansNetOps.Assistant.Learning;

/// <summary>
/// SPEC §5's promotion bar: a candidate policy is promoted only when it beats the production policy on the same
/// held-out episodes, its average reward is at least 0.5, and its shadow A/B agreement is at least 0.88.
/// </summary>
public static class PromotionRule
{
    /// <summary>Minimum average reward.</summary>
    public const double MinimumReward = 0.5;

    /// <summary>Minimum shadow agreement.</summary>
    public const double MinimumAgreement = 0.88;

    /// <summary>Whether to promote, and why (or why not).</summary>
    /// <param name="candidateReward">The candidate's average reward on held-out episodes.</param>
    /// <param name="productionReward">The production policy's on the same episodes.</param>
    /// <param name="agreement">The candidate's agreement in shadow A/B; null when it has not been reviewed yet.</param>
    public static (bool Promote, string Reason) Decide(double candidateReward, double productionReward, double? agreement)
    {
        var reasons = new List<string>();
        if (candidateReward <= productionReward)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"does not beat production ({candidateReward:0.000} ≤ {productionReward:0.000})"));
        }

        if (candidateReward < MinimumReward)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"average reward {candidateReward:0.000} < {MinimumReward}"));
        }

        if (agreement is not { } a)
        {
            reasons.Add("no shadow A/B verdicts yet");
        }
        else if (a < MinimumAgreement)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"shadow agreement {a:0.000} < {MinimumAgreement}"));
        }

        return reasons.Count == 0
            ? (true, string.Create(CultureInfo.InvariantCulture, $"beats production ({candidateReward:0.000} > {productionReward:0.000}) with agreement {agreement:0.000}"))
            : (false, string.Join("; ", reasons));
    }
}
