using OrleansNetOps.Topology;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>Limits that turn probe and churn figures into a path-quality score (see <see cref="PathQualityMonitor"/>).</summary>
public sealed record PathQualityOptions
{
    /// <summary>The defaults, with the seed topology's SLA (50 ms, 1 %).</summary>
    public static PathQualityOptions Default { get; } = new();

    /// <summary>Samples older than this no longer count.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Most samples kept per router and ISP (bounded memory whatever the probe rate).</summary>
    public int MaxSamples { get; init; } = 120;

    /// <summary>Samples needed in the window before a score can raise a finding.</summary>
    public int MinimumSamples { get; init; } = 3;

    /// <summary>Latency at which the latency part of the score reaches 0 (the SLA's).</summary>
    public double LatencyLimitMs { get; init; } = 50;

    /// <summary>Loss at which the loss part reaches 0 (the SLA's), in percent.</summary>
    public double LossLimitPct { get; init; } = 1;

    /// <summary>Jitter at which the jitter part reaches 0.</summary>
    public double JitterLimitMs { get; init; } = 10;

    /// <summary>Prefix updates per minute from the ISP at which the churn part reaches 0.</summary>
    public double ChurnLimitPerMinute { get; init; } = 2000;

    /// <summary>A finding when the score falls below this.</summary>
    public double DegradedBelow { get; init; } = 0.5;

    /// <summary>A degraded path counts as recovered (and may raise a finding again) above this.</summary>
    public double RecoveredAbove { get; init; } = 0.7;

    /// <summary>Weight of a healthy window's latency in the learned typical latency.</summary>
    public double LearningFactor { get; init; } = 0.05;

    /// <summary>The defaults with a topology's SLA targets as the latency and loss limits.</summary>
    public static PathQualityOptions FromSla(SlaTargets sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        return new PathQualityOptions { LatencyLimitMs = sla.LatencyMs, LossLimitPct = sla.LossPct };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value.</summary>
    public PathQualityOptions Validate()
    {
        OptionChecks.Require(Window > TimeSpan.Zero, "path quality option", nameof(Window), Window);
        OptionChecks.Require(MaxSamples >= 1, "path quality option", nameof(MaxSamples), MaxSamples);
        OptionChecks.Require(MinimumSamples >= 1 && MinimumSamples <= MaxSamples, "path quality option", nameof(MinimumSamples), MinimumSamples);
        OptionChecks.Require(LatencyLimitMs > 0, "path quality option", nameof(LatencyLimitMs), LatencyLimitMs);
        OptionChecks.Require(LossLimitPct > 0, "path quality option", nameof(LossLimitPct), LossLimitPct);
        OptionChecks.Require(JitterLimitMs > 0, "path quality option", nameof(JitterLimitMs), JitterLimitMs);
        OptionChecks.Require(ChurnLimitPerMinute > 0, "path quality option", nameof(ChurnLimitPerMinute), ChurnLimitPerMinute);
        OptionChecks.Require(DegradedBelow is > 0 and < 1, "path quality option", nameof(DegradedBelow), DegradedBelow);
        OptionChecks.Require(RecoveredAbove > DegradedBelow && RecoveredAbove <= 1, "path quality option", nameof(RecoveredAbove), RecoveredAbove);
        OptionChecks.Require(LearningFactor is > 0 and <= 1, "path quality option", nameof(LearningFactor), LearningFactor);
        return this;
    }
}
