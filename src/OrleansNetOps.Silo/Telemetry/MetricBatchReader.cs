using System.Globalization;
using System.Text.Json;
using OrleansNetOps.Telemetry.Metrics;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Silo.Telemetry;

/// <summary>
/// Validates a <c>POST /api/v1/telemetry/metrics</c> body item by item, naming each problem by index and field
/// (<c>[2].path</c>), so that a batch is accepted whole or rejected whole.
/// </summary>
internal static class MetricBatchReader
{
    public const int MaxBatch = 100_000;

    public static (List<MetricSample> Samples, Dictionary<string, string[]> Errors) Read(JsonElement body, DateTimeOffset now)
    {
        var samples = new List<MetricSample>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Array)
        {
            errors["$"] = ["the body must be a JSON array of { router, path, value, timestamp?, tags? }"];
            return (samples, errors);
        }

        if (body.GetArrayLength() > MaxBatch)
        {
            errors["$"] = [$"at most {MaxBatch} points per request"];
            return (samples, errors);
        }

        var index = 0;
        foreach (var item in body.EnumerateArray())
        {
            var at = $"[{index.ToString(CultureInfo.InvariantCulture)}]";
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors[at] = ["must be an object { router, path, value, timestamp?, tags? }"];
                continue;
            }

            var router = RequiredString(item, "router", at, errors);
            var path = RequiredString(item, "path", at, errors);
            if (path is not null && !TelemetryPath.TryParse(path, out _, out var pathError))
            {
                errors[$"{at}.path"] = [$"'{path}' is not a path: {pathError.Reason} (at character {pathError.Offset})"];
                path = null;
            }

            double? value = null;
            if (!item.TryGetProperty("value", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d))
            {
                errors[$"{at}.value"] = ["a finite number is required"];
            }
            else
            {
                value = d;
            }

            var time = now;
            if (item.TryGetProperty("timestamp", out var ts) && ts.ValueKind != JsonValueKind.Null)
            {
                if (ts.ValueKind == JsonValueKind.String && ts.TryGetDateTimeOffset(out var parsed))
                {
                    time = parsed;
                }
                else
                {
                    errors[$"{at}.timestamp"] = ["must be an ISO-8601 time, e.g. 2025-01-31T12:00:00Z"];
                }
            }

            Dictionary<string, string>? tags = null;
            if (item.TryGetProperty("tags", out var t) && t.ValueKind != JsonValueKind.Null)
            {
                if (t.ValueKind != JsonValueKind.Object)
                {
                    errors[$"{at}.tags"] = ["must be an object of string values"];
                }
                else
                {
                    tags = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var tag in t.EnumerateObject())
                    {
                        if (tag.Value.ValueKind != JsonValueKind.String)
                        {
                            errors[$"{at}.tags.{tag.Name}"] = ["must be a string"];
                        }
                        else
                        {
                            tags[tag.Name] = tag.Value.GetString()!;
                        }
                    }
                }
            }

            if (router is not null && path is not null && value is not null)
            {
                samples.Add(new MetricSample(router, path, Microseconds(time), value.Value, tags));
            }
        }

        return (samples, errors);
    }

    // PostgreSQL keeps microseconds; truncating here makes both stores return exactly the same instant.
    public static DateTimeOffset Microseconds(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);

    private static string? RequiredString(JsonElement item, string name, string at, Dictionary<string, string[]> errors)
    {
        if (item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.GetString()))
        {
            return p.GetString();
        }

        errors[$"{at}.{name}"] = ["a non-empty string is required"];
        return null;
    }
}
