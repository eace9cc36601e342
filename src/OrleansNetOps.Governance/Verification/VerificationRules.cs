using System.Collections.Immutable;
using System.Globalization;

namespace OrleansNetOps.Governance.Verification;

/// <summary>
/// The <c>verification</c> section: when the SLA verifier rolls a change back (SPEC §3). Roll back if latency after is
/// above <see cref="LatencyRatio"/> × before, loss after above <see cref="LossRatio"/> × before, latency above
/// <see cref="MaxLatencyMs"/>, or loss above <see cref="MaxLossPct"/>.
/// </summary>
public sealed record VerificationRules
{
    /// <summary>Latency after / before above which the change is rolled back.</summary>
    public double LatencyRatio { get; init; } = 1.5;

    /// <summary>Loss after / before above which the change is rolled back.</summary>
    public double LossRatio { get; init; } = 3;

    /// <summary>Absolute latency (ms) above which the change is rolled back.</summary>
    public double MaxLatencyMs { get; init; } = 80;

    /// <summary>Absolute loss (percent) above which the change is rolled back.</summary>
    public double MaxLossPct { get; init; } = 2;

    /// <summary>
    /// The loss ratio applies only when loss after is at least this (percent): with 0 % before, any measured loss
    /// would otherwise be "more than three times" it. 0 gives the bare rule.
    /// </summary>
    public double LossRatioMinPct { get; init; } = 0.1;

    /// <summary>Judges one before/after pair.</summary>
    /// <param name="before">Measured before the change.</param>
    /// <param name="after">Measured after it.</param>
    /// <param name="subject">What was measured (an ISP name), prefixed to each reason; empty for none.</param>
    public VerificationVerdict Judge(SlaSample before, SlaSample after, string subject = "")
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var prefix = subject.Length == 0 ? string.Empty : subject + ": ";
        var reasons = ImmutableArray.CreateBuilder<string>();
        if (after.LatencyMs > LatencyRatio * before.LatencyMs)
        {
            reasons.Add($"{prefix}latency {F(after.LatencyMs)} ms after is more than {F(LatencyRatio)} × {F(before.LatencyMs)} ms before");
        }

        if (after.LossPct >= LossRatioMinPct && after.LossPct > LossRatio * before.LossPct)
        {
            reasons.Add($"{prefix}loss {F(after.LossPct)} % after is more than {F(LossRatio)} × {F(before.LossPct)} % before");
        }

        if (after.LatencyMs > MaxLatencyMs)
        {
            reasons.Add($"{prefix}latency {F(after.LatencyMs)} ms is above {F(MaxLatencyMs)} ms");
        }

        if (after.LossPct > MaxLossPct)
        {
            reasons.Add($"{prefix}loss {F(after.LossPct)} % is above {F(MaxLossPct)} %");
        }

        return new VerificationVerdict(reasons.Count > 0, reasons.ToImmutable());
    }

    /// <summary>Judges several measured paths (e.g. one per ISP): the change rolls back when any of them breaks a rule.</summary>
    public VerificationVerdict Judge(IEnumerable<(string Subject, SlaSample Before, SlaSample After)> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var reasons = samples.SelectMany(s => Judge(s.Before, s.After, s.Subject).Reasons).ToImmutableArray();
        return new VerificationVerdict(reasons.Length > 0, reasons);
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
