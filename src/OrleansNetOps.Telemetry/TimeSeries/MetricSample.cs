namespace OrleansNetOps.Telemetry.TimeSeries;

/// <summary>One value written to a series.</summary>
/// <param name="Router">Router id.</param>
/// <param name="Path">Metric path.</param>
/// <param name="Time">When the value was measured (UTC).</param>
/// <param name="Value">The value.</param>
/// <param name="Tags">Labels of the series; the latest write's labels are kept. They describe a series, they do not split it.</param>
public sealed record MetricSample(string Router, string Path, DateTimeOffset Time, double Value, IReadOnlyDictionary<string, string>? Tags = null)
{
    /// <summary>The series this sample belongs to.</summary>
    public SeriesKey Series => new(Router, Path);
}
