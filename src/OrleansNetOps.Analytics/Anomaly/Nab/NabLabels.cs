using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace OrleansNetOps.Analytics.Anomaly.Nab;

/// <summary>Reads NAB's <c>labels/combined_windows.json</c>: data file (relative path) → its windows.</summary>
public static class NabLabels
{
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd HH:mm:ss.ffffff", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>Parses the JSON text; keys keep NAB's relative paths, e.g. <c>realTraffic/speed_6005.csv</c>.</summary>
    /// <exception cref="FormatException">The text is not an object of arrays of [start, end] timestamp pairs.</exception>
    public static ImmutableSortedDictionary<string, ImmutableArray<NabWindow>> ParseWindows(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = ParseDocument(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("NAB windows: the top level must be an object of data file → windows.");
        }

        var files = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<NabWindow>>(StringComparer.Ordinal);
        foreach (var file in document.RootElement.EnumerateObject())
        {
            if (file.Value.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"NAB windows: '{file.Name}' must be an array of [start, end] pairs.");
            }

            var windows = ImmutableArray.CreateBuilder<NabWindow>();
            var index = 0;
            foreach (var pair in file.Value.EnumerateArray())
            {
                if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
                {
                    throw new FormatException($"NAB windows: window {index} of '{file.Name}' must be a [start, end] pair.");
                }

                var start = ParseTimestamp(pair[0], file.Name, index);
                var end = ParseTimestamp(pair[1], file.Name, index);
                if (end < start)
                {
                    throw new FormatException($"NAB windows: window {index} of '{file.Name}' ends before it starts.");
                }

                windows.Add(new NabWindow(start, end));
                index++;
            }

            windows.Sort((a, b) => a.Start.CompareTo(b.Start));
            files[file.Name] = windows.ToImmutable();
        }

        return files.ToImmutable();
    }

    private static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"NAB windows: not JSON ({e.Message}).", e);
        }
    }

    private static DateTime ParseTimestamp(JsonElement element, string file, int index)
    {
        if (element.ValueKind == JsonValueKind.String
            && DateTime.TryParseExact(element.GetString(), TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at;
        }

        throw new FormatException($"NAB windows: window {index} of '{file}' has a bad timestamp {element.GetRawText()}.");
    }
}
