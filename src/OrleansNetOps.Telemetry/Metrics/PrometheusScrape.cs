using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Metrics;

/// <summary>Everything parsed from one exposition body.</summary>
/// <param name="Samples">Samples in input order.</param>
/// <param name="Families">HELP/TYPE metadata by family name.</param>
/// <param name="Errors">Lines that could not be parsed (each with its byte offset); the other lines are still returned.</param>
public sealed record PrometheusScrape(
    IReadOnlyList<PrometheusSample> Samples,
    IReadOnlyDictionary<string, PrometheusMetricFamily> Families,
    IReadOnlyList<TelemetryParseError> Errors)
{
    /// <summary>The family a sample belongs to, accounting for histogram and summary suffixes.</summary>
    public PrometheusMetricFamily? FamilyOf(PrometheusSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (Families.TryGetValue(sample.Name, out var family))
        {
            return family;
        }

        foreach (var suffix in (ReadOnlySpan<string>)["_bucket", "_sum", "_count"])
        {
            if (sample.Name.EndsWith(suffix, StringComparison.Ordinal)
                && Families.TryGetValue(sample.Name[..^suffix.Length], out family)
                && family.Type is PrometheusMetricType.Histogram or PrometheusMetricType.Summary)
            {
                return family;
            }
        }

        return null;
    }
}
