namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>
/// The meaning of an anomaly score. A point's combined tail probability p under the learned baseline, at a sampling
/// interval Δt, means such a point comes about once every Δt / p (its recurrence time) in normal operation. The score is
/// log-linear in that time, anchored on the seed's levels: 0.6 ("high") is once a week, 0.85 ("critical") once a year;
/// 0.48 is once a day, 1 about once in eleven years, 0 about once a minute. Scores therefore compare across series
/// sampled at different rates.
/// </summary>
public static class AnomalyScale
{
    private static readonly double Week = TimeSpan.FromDays(7).TotalSeconds;
    private static readonly double PerDecade = 0.25 / Math.Log10(365.25 / 7.0);

    /// <summary>The score of a tail probability at a sampling interval (seconds); 0 while the interval is unknown.</summary>
    public static double Score(double probability, double intervalSeconds)
    {
        if (!(intervalSeconds > 0) || !(probability < 1))
        {
            return 0;
        }

        var recurrence = intervalSeconds / Math.Max(probability, 1e-300);
        return Math.Clamp(0.6 + (PerDecade * Math.Log10(recurrence / Week)), 0, 1);
    }

    /// <summary>The recurrence time a score stands for.</summary>
    public static TimeSpan RecurrenceTime(double score) =>
        TimeSpan.FromSeconds(Week * Math.Pow(10, (score - 0.6) / PerDecade));
}
