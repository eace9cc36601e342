using OrleansNetOps.Analytics.Baselines;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>The verdict on one point of a series.</summary>
/// <param name="At">The point's time.</param>
/// <param name="Value">The point's value.</param>
/// <param name="Expected">What the baseline expected there (before learning the point).</param>
/// <param name="Score">Anomaly score in [0, 1] on the <see cref="AnomalyScale"/>.</param>
/// <param name="Raised">True at the first point of an anomalous episode: where a finding is raised.</param>
/// <param name="InEpisode">True while an episode is open (from its raise until the series has been quiet again).</param>
public sealed record AnomalyPoint(DateTimeOffset At, double Value, BaselineExpectation Expected, double Score, bool Raised, bool InEpisode)
{
    /// <summary>The residual in robust scales: (value − expected) / scale.</summary>
    public double Residual { get; init; }

    /// <summary>The recent average residual (the sustained-shift statistic), in scales, signed.</summary>
    public double Shift { get; init; }

    /// <summary>The spectral-residual saliency of the point relative to the points before it.</summary>
    public double Saliency { get; init; }

    /// <summary>Tail probability of the residual under the baseline's learned residuals.</summary>
    public double ResidualProbability { get; init; } = 1;

    /// <summary>Tail probability of the sustained shift.</summary>
    public double ShiftProbability { get; init; } = 1;

    /// <summary>Tail probability of the spectral-residual saliency.</summary>
    public double SpectralProbability { get; init; } = 1;

    /// <summary>How often a point like this comes in normal operation (from the score).</summary>
    public TimeSpan Recurrence => AnomalyScale.RecurrenceTime(Score);
}
