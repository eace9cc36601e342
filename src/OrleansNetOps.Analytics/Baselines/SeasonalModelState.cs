using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Baselines;

/// <summary>The persisted form of one candidate model of a <see cref="SeriesBaseline"/>.</summary>
/// <param name="Seasonality">Which model.</param>
/// <param name="Level">Robust level.</param>
/// <param name="Scale">Robust scale of the errors (all buckets together).</param>
/// <param name="Mean">Mean of the raw values (for the series' spread).</param>
/// <param name="Spread">Mean absolute deviation of the raw values.</param>
/// <param name="RecentError">Recent mean absolute error (clipped), for choosing a model.</param>
/// <param name="Observations">Points learned.</param>
/// <param name="FirstSeconds">Unix time of the first point, in seconds.</param>
/// <param name="LastSeconds">Unix time of the last point, in seconds.</param>
public sealed record SeasonalModelState(
    Seasonality Seasonality,
    double Level,
    double Scale,
    double Mean,
    double Spread,
    double RecentError,
    long Observations,
    double FirstSeconds,
    double LastSeconds)
{
    /// <summary>Time-of-day bucket centres (deviation from the level); empty for a level-only model.</summary>
    public ImmutableArray<double> BucketCentres { get; init; } = [];

    /// <summary>Time-of-day bucket scales.</summary>
    public ImmutableArray<double> BucketScales { get; init; } = [];

    /// <summary>Points learned per bucket.</summary>
    public ImmutableArray<double> BucketCounts { get; init; } = [];

    /// <summary>Day-of-week offsets, indexed by Unix day number modulo 7 (0 is a Thursday); empty unless weekly.</summary>
    public ImmutableArray<double> DayOffsets { get; init; } = [];

    /// <summary>Points learned per day of the week.</summary>
    public ImmutableArray<double> DayCounts { get; init; } = [];
}
