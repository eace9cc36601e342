namespace OrleansNetOps.Telemetry.TimeSeries;

/// <summary>Summarises raw points into one-minute rollups.</summary>
public static class MinuteRollups
{
    /// <summary>The start of the UTC minute <paramref name="time"/> falls in.</summary>
    public static DateTimeOffset MinuteOf(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>One rollup per minute that has points, in time order.</summary>
    public static IReadOnlyList<MetricRollup> Summarise(IEnumerable<MetricPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return points.GroupBy(p => MinuteOf(p.Time))
            .OrderBy(g => g.Key)
            .Select(g => new MetricRollup(g.Key, g.Average(p => p.Value), g.Min(p => p.Value), g.Max(p => p.Value), g.LongCount()))
            .ToList();
    }

    /// <summary>Merges rollups of the same minutes from several sources, in time order.</summary>
    public static IReadOnlyList<MetricRollup> Merge(IEnumerable<MetricRollup> rollups)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        return rollups.GroupBy(r => r.Minute)
            .OrderBy(g => g.Key)
            .Select(g => g.Aggregate((a, b) => a.Merge(b)))
            .ToList();
    }
}
