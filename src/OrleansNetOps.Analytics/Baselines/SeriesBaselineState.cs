using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Baselines;

/// <summary>The persisted form of a <see cref="SeriesBaseline"/>: plain values, serialisable as JSON.</summary>
/// <param name="IntervalSeconds">Learned sampling interval, or null while still learning it.</param>
/// <param name="LearningTimes">Times (Unix seconds) of the first points, kept until the interval is learned.</param>
/// <param name="Chosen">The model in use.</param>
/// <param name="Models">The candidate models, level-only first.</param>
public sealed record SeriesBaselineState(
    double? IntervalSeconds,
    ImmutableArray<double> LearningTimes,
    Seasonality Chosen,
    ImmutableArray<SeasonalModelState> Models);
