namespace OrleansNetOps.Telemetry.TimeSeries;

/// <summary>
/// Where metric series live. Raw points are returned exactly as written while within the raw retention;
/// <see cref="MaintainAsync"/> folds older ones into one-minute rollups and drops rollups past their retention.
/// Time ranges are inclusive at both ends.
/// </summary>
public interface ITimeSeriesStore
{
    /// <summary>Appends samples; a batch is stored whole or not at all.</summary>
    Task AppendAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default);

    /// <summary>Raw points of a series within [from, to], in time order (equal times in write order where the store can tell).</summary>
    Task<IReadOnlyList<MetricPoint>> QueryAsync(SeriesKey series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>One-minute rollups of a series within [from, to]: stored rollups merged with raw points summarised on the fly.</summary>
    Task<IReadOnlyList<MetricRollup>> QueryMinutesAsync(SeriesKey series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Every series of a router, by path.</summary>
    Task<IReadOnlyList<SeriesKey>> ListSeriesAsync(string router, CancellationToken cancellationToken = default);

    /// <summary>Applies retention and downsampling as of <paramref name="now"/>.</summary>
    Task<TimeSeriesMaintenanceResult> MaintainAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
