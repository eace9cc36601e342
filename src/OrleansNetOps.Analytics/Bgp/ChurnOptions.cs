namespace OrleansNetOps.Analytics.Bgp;

/// <summary>What counts as a churn storm for <see cref="ChurnStormDetector"/>.</summary>
public sealed record ChurnOptions
{
    /// <summary>The defaults.</summary>
    public static ChurnOptions Default { get; } = new();

    /// <summary>Counting interval. Route collectors flush every few tens of seconds, routers batch too: shorter buckets just count batches.</summary>
    public TimeSpan BucketWidth { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Buckets a source must have been watched before it can be in a storm (cold start: no alarm from an empty baseline).</summary>
    public int WarmupBuckets { get; init; } = 6;

    /// <summary>Weight of the newest bucket in the learned mean and mean absolute deviation.</summary>
    public double SmoothingFactor { get; init; } = 0.1;

    /// <summary>A storm needs at least this multiple of the learned mean.</summary>
    public double StormRatio { get; init; } = 5;

    /// <summary>A storm needs at least the learned mean plus this many mean absolute deviations.</summary>
    public double DeviationFactor { get; init; } = 6;

    /// <summary>A storm needs at least this many prefix updates in a bucket, whatever the baseline (a quiet session is not stormy at 50).</summary>
    public int MinimumPerBucket { get; init; } = 200;

    /// <summary>After a session comes up its table transfer is expected: not counted, not learned.</summary>
    public TimeSpan SessionGrace { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Consecutive calm buckets (below half the storm threshold) that end a storm. More than one, because routers and
    /// collectors send in bursts: a storm seen through a 30 s flush looks like loud, quiet, loud.
    /// </summary>
    public int CalmBucketsToEnd { get; init; } = 2;

    /// <summary>A storm lasting more buckets than this is a new normal: the baseline learns it and the storm ends.</summary>
    public int MaxStormBuckets { get; init; } = 20;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value.</summary>
    public ChurnOptions Validate()
    {
        OptionChecks.Require(BucketWidth > TimeSpan.Zero, "churn option", nameof(BucketWidth), BucketWidth);
        OptionChecks.Require(WarmupBuckets >= 1, "churn option", nameof(WarmupBuckets), WarmupBuckets);
        OptionChecks.Require(SmoothingFactor is > 0 and <= 1, "churn option", nameof(SmoothingFactor), SmoothingFactor);
        OptionChecks.Require(StormRatio > 1, "churn option", nameof(StormRatio), StormRatio);
        OptionChecks.Require(DeviationFactor >= 0, "churn option", nameof(DeviationFactor), DeviationFactor);
        OptionChecks.Require(MinimumPerBucket >= 1, "churn option", nameof(MinimumPerBucket), MinimumPerBucket);
        OptionChecks.Require(SessionGrace >= TimeSpan.Zero, "churn option", nameof(SessionGrace), SessionGrace);
        OptionChecks.Require(CalmBucketsToEnd >= 1, "churn option", nameof(CalmBucketsToEnd), CalmBucketsToEnd);
        OptionChecks.Require(MaxStormBuckets >= 1, "churn option", nameof(MaxStormBuckets), MaxStormBuckets);
        return this;
    }
}
