using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>Builds the findings raised about a metric series: one metric evidence, its values as evidence data.</summary>
public static class SeriesFinding
{
    /// <summary>A finding about <paramref name="series"/> at <paramref name="at"/>, with a deterministic id.</summary>
    /// <param name="series">The series it is about.</param>
    /// <param name="kind">What was found.</param>
    /// <param name="at">When (the time of the data).</param>
    /// <param name="score">How strong, in [0, 1].</param>
    /// <param name="summary">One line for a person (also the evidence's description).</param>
    /// <param name="values">Numbers for machines (null as <c>none</c>).</param>
    /// <param name="labels">Words for machines (e.g. severity).</param>
    public static Finding Create(
        MetricSeries series,
        FindingKind kind,
        DateTimeOffset at,
        double score,
        string summary,
        IEnumerable<(string Key, double? Value)> values,
        IEnumerable<(string Key, string Value)> labels)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        var data = values
            .Select(v => (v.Key, Value: v.Value is { } number ? number.ToString("G6", CultureInfo.InvariantCulture) : "none"))
            .Concat(labels)
            .ToImmutableSortedDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return new Finding
        {
            Id = FindingId.Create(kind, series.Subject, at),
            At = at,
            Router = series.Router,
            Kind = kind,
            Score = score,
            Summary = summary,
            Subject = series.Subject,
            Evidence = [new Evidence(at, "metric", summary) { Data = data }],
        };
    }
}
