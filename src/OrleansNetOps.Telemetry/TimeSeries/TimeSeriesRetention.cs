namespace OrleansNetOps.Telemetry.TimeSeries;

/// <summary>How long a store keeps raw points and one-minute rollups.</summary>
public sealed record TimeSeriesRetention
{
    /// <summary>Raw points older than this are rolled up into one-minute averages and deleted.</summary>
    public TimeSpan RawFor { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Rollups older than this are deleted.</summary>
    public TimeSpan RollupsFor { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The raw cutoff for <paramref name="now"/>, aligned down to a minute so a minute is never split between raw and rolled-up.</summary>
    public DateTimeOffset RawCutoff(DateTimeOffset now) => MinuteRollups.MinuteOf(now - RawFor);

    /// <summary>The rollup cutoff for <paramref name="now"/>.</summary>
    public DateTimeOffset RollupCutoff(DateTimeOffset now) => MinuteRollups.MinuteOf(now - RollupsFor);
}
