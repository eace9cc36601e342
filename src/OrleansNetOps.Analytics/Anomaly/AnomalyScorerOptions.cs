using OrleansNetOps.Analytics.Baselines;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>How a <see cref="SeriesAnomalyScorer"/> scores and when it raises.</summary>
public sealed record AnomalyScorerOptions
{
    /// <summary>The baseline it scores against.</summary>
    public BaselineOptions Baseline { get; init; } = new();

    /// <summary>
    /// The floors; a finding is raised from <see cref="AnomalyFloors.AnomalyHigh"/> (0.6, on the
    /// <see cref="AnomalyScale"/> a point the learned baseline expects about once a week).
    /// </summary>
    public AnomalyFloors Floors { get; init; } = new();

    /// <summary>An open episode ends once this many consecutive points score below the raise level; the series then re-arms.</summary>
    public int QuietPoints { get; init; } = 12;

    /// <summary>
    /// History a series needs before any point of it scores above 0 (cold start): two days, the time the baseline's
    /// daily model needs before it may be chosen, so a daily pattern is not news on its second day.
    /// </summary>
    public TimeSpan MinimumHistory { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Points in the spectral-residual window, the extrapolated ones included (a power of two is fastest).</summary>
    public int SpectralWindow { get; init; } = 64;

    /// <summary>Points the sustained-shift detector averages residuals over (its exponential time constant).</summary>
    public double ShiftPoints { get; init; } = 12;

    /// <summary>Residuals are clipped at this many scales before they enter the shift average, so one spike is not a shift.</summary>
    public double ShiftClip { get; init; } = 6;

    /// <summary>Points each detector's learned distribution remembers (its exponential time constant).</summary>
    public double CalibrationMemoryPoints { get; init; } = 2000;

    /// <summary>Quantile above which a detector's tail is modelled as generalised Pareto.</summary>
    public double TailQuantile { get; init; } = 0.99;

    /// <summary>Values a detector must have learned before its tail probabilities count (cold start).</summary>
    public int CalibrationWarmUp { get; init; } = 100;
}
