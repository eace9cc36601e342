using OrleansNetOps.Analytics.Baselines;

namespace OrleansNetOps.Analytics.Forecasting;

/// <summary>How a <see cref="UtilisationForecaster"/> forecasts.</summary>
public sealed record ForecastOptions
{
    /// <summary>How far ahead it forecasts (the seed looked 30 minutes ahead).</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Probability the ETA interval is meant to hold the actual time (its nominal coverage).</summary>
    public double Coverage { get; init; } = 0.8;

    /// <summary>The seasonal baseline the trend is fitted around.</summary>
    public BaselineOptions Baseline { get; init; } = new();

    /// <summary>Time constant of the deseasonalised level (an exponential average, clipped against spikes).</summary>
    public TimeSpan LevelMemory { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The recent stretch the trend is measured over (Theil–Sen: the median of the pairwise slopes).</summary>
    public TimeSpan TrendWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a trend is assumed to persist: it is damped with this time constant, not run on for ever.</summary>
    public TimeSpan TrendPersistence { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Past forecast origins kept, with how the series then did: the empirical predictive distribution.</summary>
    public int OriginMemory { get; init; } = 400;

    /// <summary>The time the kept origins span at the least (origins are spaced out to cover it).</summary>
    public TimeSpan OriginSpan { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Completed origins needed before forecasts are given (cold start: none until then).</summary>
    public int OriginWarmUp { get; init; } = 50;

    /// <summary>
    /// Confidence from which a congestion forecast raises a finding: more likely than not to cross within the horizon.
    /// </summary>
    public double RaiseConfidence { get; init; } = 0.5;
}
