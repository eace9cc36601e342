using System.Globalization;

namespace OrleansNetOps.Cli.Offline;

/// <summary>
/// Reads NAB's series format: a header <c>timestamp,value</c>, then one <c>timestamp,value</c> row per line
/// (timestamps like <c>2014-04-10 07:15:00</c> or ISO 8601, in time order; values invariant-culture numbers).
/// CRLF line endings, a byte-order mark and a missing final newline are fine; blank lines are skipped.
/// </summary>
internal static class SeriesCsv
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-ddTHH:mm:ssK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-ddTHH:mm",
    ];

    /// <summary>Reads every row, or throws naming the first bad line; nothing is returned from a bad file.</summary>
    /// <param name="reader">The file's text.</param>
    /// <param name="name">The file's name, for messages.</param>
    /// <exception cref="SeriesFileException">Missing or wrong header, a bad timestamp or number, a wrong column count, time going backwards.</exception>
    public static IReadOnlyList<SeriesRow> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        var line = 1;
        while (header is not null && header.Trim().Length == 0)
        {
            header = reader.ReadLine();
            line++;
        }

        if (header is null)
        {
            throw new SeriesFileException($"{name}: empty file; expected a header line 'timestamp,value'");
        }

        var columns = header.TrimStart('\uFEFF').Split(',');
        if (columns.Length != 2 || !Is(columns[0], "timestamp") || !Is(columns[1], "value"))
        {
            throw new SeriesFileException($"{name}:{line}: expected the header 'timestamp,value', found '{Shorten(header)}'");
        }

        var rows = new List<SeriesRow>();
        DateTimeOffset? previous = null;
        for (var text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            var fields = text.Split(',');
            if (fields.Length != 2)
            {
                throw new SeriesFileException($"{name}:{line}: expected 2 columns (timestamp,value), found {fields.Length}: '{Shorten(text)}'");
            }

            var timestampText = Unquote(fields[0]);
            var valueText = Unquote(fields[1]);
            if (!DateTimeOffset.TryParseExact(timestampText, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                throw new SeriesFileException($"{name}:{line}: bad timestamp '{Shorten(timestampText)}' (expected e.g. 2014-04-10 07:15:00 or 2014-04-10T07:15:00Z)");
            }

            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new SeriesFileException($"{name}:{line}: bad number '{Shorten(valueText)}' in column value");
            }

            if (previous is { } before && at < before)
            {
                throw new SeriesFileException($"{name}:{line}: timestamp {timestampText} is earlier than the row before it; rows must be in time order");
            }

            previous = at;
            rows.Add(new SeriesRow(line, timestampText, valueText, at, value));
        }

        return rows;
    }

    private static bool Is(string field, string expected) => string.Equals(Unquote(field), expected, StringComparison.OrdinalIgnoreCase);

    private static string Unquote(string field)
    {
        var trimmed = field.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1].Trim() : trimmed;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
