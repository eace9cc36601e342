namespace OrleansNetOps.Telemetry.TimeSeries;

/// <summary>One minute of a series, summarised: what raw points turn into once they are older than the raw retention.</summary>
/// <param name="Minute">Start of the minute (UTC).</param>
/// <param name="Average">Mean of the points.</param>
/// <param name="Min">Smallest point.</param>
/// <param name="Max">Largest point.</param>
/// <param name="Count">Points summarised.</param>
public sealed record MetricRollup(DateTimeOffset Minute, double Average, double Min, double Max, long Count)
{
    /// <summary>Combines two summaries of the same minute (e.g. a rolled-up part and late raw points).</summary>
    public MetricRollup Merge(MetricRollup other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var count = Count + other.Count;
        return this with
        {
            Average = count == 0 ? 0 : ((Average * Count) + (other.Average * other.Count)) / count,
            Min = Math.Min(Min, other.Min),
            Max = Math.Max(Max, other.Max),
            Count = count,
        };
    }
}
