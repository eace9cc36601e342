using System.Collections.Immutable;
using OrleansNetOps.Analytics.Baselines;

namespace OrleansNetOps.Analytics.Forecasting;

/// <summary>The persisted form of a <see cref="UtilisationForecaster"/>: plain values, serialisable as JSON.</summary>
/// <param name="Baseline">The seasonal baseline.</param>
/// <param name="Level">Deseasonalised level, or null before the first point (or right after the profile changed).</param>
/// <param name="Trend">Trend per second.</param>
/// <param name="Model">The baseline model the level is fitted around.</param>
/// <param name="LastSeconds">Unix time of the last point, in seconds, or null before the first point.</param>
/// <param name="LastValue">The last value, or null before the first point.</param>
/// <param name="NextOriginSeconds">When the next origin is taken, or null before the first.</param>
/// <param name="Recent">The deseasonalised points of the trend window (Unix seconds, value), oldest first.</param>
/// <param name="Pending">Origins still inside their horizon.</param>
/// <param name="Completed">Past origins' excess paths, oldest first: the empirical predictive distribution.</param>
/// <param name="Congested">Whether a congestion episode is open.</param>
/// <param name="ClearRun">Consecutive points without a predicted crossing in the open episode.</param>
public sealed record UtilisationForecasterState(
    SeriesBaselineState Baseline,
    double? Level,
    double Trend,
    Seasonality Model,
    double? LastSeconds,
    double? LastValue,
    double? NextOriginSeconds,
    ImmutableArray<RecentPoint> Recent,
    ImmutableArray<ForecastOrigin> Pending,
    ImmutableArray<ImmutableArray<double?>> Completed,
    bool Congested,
    int ClearRun);
