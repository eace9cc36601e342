namespace OrleansNetOps.Analytics.Baselines;

/// <summary>How a <see cref="SeriesBaseline"/> learns. The defaults suit series sampled every few seconds to every hour.</summary>
public sealed record BaselineOptions
{
    /// <summary>Points the level remembers (its exponential time constant, in points).</summary>
    public double LevelMemoryPoints { get; init; } = 48;

    /// <summary>Periods a seasonal estimate remembers: days for a time-of-day bucket, weeks for a day-of-week offset.</summary>
    public double SeasonMemoryPeriods { get; init; } = 4;

    /// <summary>Points over which the models' recent errors are compared to choose the seasonality.</summary>
    public double ModelChoiceMemoryPoints { get; init; } = 288;

    /// <summary>Another model replaces the one in use only when its recent error is below this share of the current one's.</summary>
    public double ModelChoiceMargin { get; init; } = 0.9;

    /// <summary>Errors beyond this many scales are clipped before they update anything, so an outlier cannot drag the baseline.</summary>
    public double HuberLimit { get; init; } = 3.0;

    /// <summary>The smallest scale, as a share of the series' overall spread (mean absolute deviation).</summary>
    public double ScaleFloorShare { get; init; } = 0.01;

    /// <summary>Points needed before the baseline gives expectations at all (cold start).</summary>
    public int WarmUpPoints { get; init; } = 24;

    /// <summary>Whole periods a seasonal model must have seen before it may be chosen (days for daily, weeks for weekly).</summary>
    public double SeasonalWarmUpPeriods { get; init; } = 2;

    /// <summary>Narrowest time-of-day bucket; a bucket also spans at least one sampling interval.</summary>
    public TimeSpan BucketWidth { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Intervals looked at to learn the sampling interval before the time-of-day buckets are laid out.</summary>
    public int IntervalLearningPoints { get; init; } = 9;
}
