using System.Globalization;
using System.Text;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Metrics;

/// <summary>
/// Parses the Prometheus text exposition format (version 0.0.4). A bad line is reported with its byte offset and
/// skipped; the rest of the body is still parsed.
/// </summary>
public static class PrometheusTextParser
{
    /// <summary>Parses a body, collecting per-line errors.</summary>
    public static PrometheusScrape Parse(ReadOnlySpan<byte> utf8)
    {
        var samples = new List<PrometheusSample>();
        var families = new Dictionary<string, PrometheusMetricFamily>(StringComparer.Ordinal);
        var errors = new List<TelemetryParseError>();
        var lineStart = 0;
        while (lineStart < utf8.Length)
        {
            var newline = utf8[lineStart..].IndexOf((byte)'\n');
            var line = newline < 0 ? utf8[lineStart..] : utf8.Slice(lineStart, newline);
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            var cursor = new Cursor(line, lineStart);
            try
            {
                ParseLine(ref cursor, lineStart, samples, families);
            }
            catch (TelemetryFormatException e)
            {
                errors.Add(e.Error);
            }

            if (newline < 0)
            {
                break;
            }

            lineStart += newline + 1;
        }

        return new PrometheusScrape(samples, families, errors);
    }

    /// <summary>Parses a body and throws <see cref="TelemetryFormatException"/> on the first bad line.</summary>
    public static PrometheusScrape ParseStrict(ReadOnlySpan<byte> utf8)
    {
        var scrape = Parse(utf8);
        return scrape.Errors.Count == 0 ? scrape : throw new TelemetryFormatException(scrape.Errors[0]);
    }

    private static void ParseLine(ref Cursor c, long lineStart, List<PrometheusSample> samples, Dictionary<string, PrometheusMetricFamily> families)
    {
        c.SkipBlanks();
        if (c.AtEnd)
        {
            return;
        }

        if (c.Peek == (byte)'#')
        {
            ParseComment(ref c, families);
            return;
        }

        var name = c.ReadName(metric: true, "metric name");
        var labels = new List<KeyValuePair<string, string>>();
        c.SkipBlanks();
        if (!c.AtEnd && c.Peek == (byte)'{')
        {
            c.Advance();
            while (true)
            {
                c.SkipBlanks();
                if (c.TryConsume((byte)'}'))
                {
                    break;
                }

                var label = c.ReadName(metric: false, "label name");
                c.SkipBlanks();
                c.Expect((byte)'=', "'=' after label name");
                c.SkipBlanks();
                c.Expect((byte)'"', "'\"' to open the label value");
                labels.Add(new(label, c.ReadQuoted()));
                c.SkipBlanks();
                if (c.TryConsume((byte)','))
                {
                    continue;
                }

                c.Expect((byte)'}', "',' or '}' after label value");
                break;
            }
        }

        c.SkipBlanks();
        var valueAt = c.Offset;
        var value = ParseValue(c.ReadToken(), valueAt);
        c.SkipBlanks();
        DateTimeOffset? timestamp = null;
        if (!c.AtEnd)
        {
            var stampAt = c.Offset;
            var token = c.ReadToken();
            if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
            {
                throw new TelemetryFormatException($"timestamp \"{Encoding.UTF8.GetString(token)}\" is not integer milliseconds", stampAt);
            }

            timestamp = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            c.SkipBlanks();
            if (!c.AtEnd)
            {
                throw new TelemetryFormatException("unexpected text after the timestamp", c.Offset);
            }
        }

        samples.Add(new PrometheusSample(name, labels, value, timestamp, lineStart));
    }

    private static void ParseComment(ref Cursor c, Dictionary<string, PrometheusMetricFamily> families)
    {
        c.Advance();
        c.SkipBlanks();
        var keywordAt = c.Offset;
        var keyword = c.ReadToken();
        var isHelp = keyword.SequenceEqual("HELP"u8);
        if (!isHelp && !keyword.SequenceEqual("TYPE"u8))
        {
            return; // any other comment
        }

        c.SkipBlanks();
        var name = c.ReadName(metric: true, "metric name");
        families.TryGetValue(name, out var existing);
        existing ??= new PrometheusMetricFamily(name, PrometheusMetricType.Untyped, null);
        if (isHelp)
        {
            if (!c.AtEnd)
            {
                c.Expect((byte)' ', "space before help text");
            }

            families[name] = existing with { Help = c.ReadHelp() };
            return;
        }

        c.SkipBlanks();
        var typeAt = c.Offset;
        var type = Encoding.ASCII.GetString(c.ReadToken()) switch
        {
            "counter" => PrometheusMetricType.Counter,
            "gauge" => PrometheusMetricType.Gauge,
            "histogram" => PrometheusMetricType.Histogram,
            "summary" => PrometheusMetricType.Summary,
            "untyped" => PrometheusMetricType.Untyped,
            var other => throw new TelemetryFormatException($"unknown metric type \"{other}\" (line starting at {keywordAt})", typeAt),
        };
        families[name] = existing with { Type = type };
    }

    private static double ParseValue(ReadOnlySpan<byte> token, long offset)
    {
        if (token.SequenceEqual("NaN"u8))
        {
            return double.NaN;
        }

        if (token.SequenceEqual("+Inf"u8) || token.SequenceEqual("Inf"u8))
        {
            return double.PositiveInfinity;
        }

        if (token.SequenceEqual("-Inf"u8))
        {
            return double.NegativeInfinity;
        }

        if (token.IsEmpty || !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value) && token.IndexOfAny("Ii"u8) >= 0)
        {
            throw new TelemetryFormatException($"value \"{Encoding.UTF8.GetString(token)}\" is not a number (NaN, +Inf and -Inf are allowed)", offset);
        }

        return value;
    }

    private ref struct Cursor(ReadOnlySpan<byte> line, long lineOffset)
    {
        private readonly ReadOnlySpan<byte> line = line;
        private int pos;

        public readonly bool AtEnd => pos >= line.Length;

        public readonly byte Peek => line[pos];

        public readonly long Offset => lineOffset + pos;

        public void Advance() => pos++;

        public void SkipBlanks()
        {
            while (pos < line.Length && line[pos] is (byte)' ' or (byte)'\t')
            {
                pos++;
            }
        }

        public bool TryConsume(byte b)
        {
            if (pos < line.Length && line[pos] == b)
            {
                pos++;
                return true;
            }

            return false;
        }

        public void Expect(byte b, string what)
        {
            if (!TryConsume(b))
            {
                throw new TelemetryFormatException($"expected {what}", Offset);
            }
        }

        public ReadOnlySpan<byte> ReadToken()
        {
            var start = pos;
            while (pos < line.Length && line[pos] is not ((byte)' ' or (byte)'\t'))
            {
                pos++;
            }

            return line[start..pos];
        }

        public string ReadName(bool metric, string what)
        {
            var start = pos;
            while (pos < line.Length)
            {
                var b = line[pos];
                var ok = b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (byte)'_'
                    || (metric && b == (byte)':')
                    || (pos > start && b is >= (byte)'0' and <= (byte)'9');
                if (!ok)
                {
                    break;
                }

                pos++;
            }

            if (pos == start)
            {
                throw new TelemetryFormatException($"expected a {what}", Offset);
            }

            return Encoding.ASCII.GetString(line[start..pos]);
        }

        public string ReadQuoted()
        {
            var start = pos;
            var sb = default(StringBuilder);
            while (pos < line.Length)
            {
                var b = line[pos];
                if (b == (byte)'"')
                {
                    var text = sb is null ? Encoding.UTF8.GetString(line[start..pos]) : sb.Append(Encoding.UTF8.GetString(line[start..pos])).ToString();
                    pos++;
                    return text;
                }

                if (b == (byte)'\\')
                {
                    if (pos + 1 >= line.Length)
                    {
                        break;
                    }

                    sb ??= new StringBuilder();
                    sb.Append(Encoding.UTF8.GetString(line[start..pos]));
                    sb.Append(line[pos + 1] switch
                    {
                        (byte)'n' => "\n",
                        (byte)'\\' => "\\",
                        (byte)'"' => "\"",
                        _ => throw new TelemetryFormatException($"unknown escape '\\{(char)line[pos + 1]}' in label value", Offset),
                    });
                    pos += 2;
                    start = pos;
                    continue;
                }

                pos++;
            }

            throw new TelemetryFormatException("label value is not closed by '\"'", lineOffset + start - 1);
        }

        public string ReadHelp()
        {
            var sb = new StringBuilder();
            var start = pos;
            while (pos < line.Length)
            {
                if (line[pos] == (byte)'\\' && pos + 1 < line.Length && line[pos + 1] is (byte)'n' or (byte)'\\')
                {
                    sb.Append(Encoding.UTF8.GetString(line[start..pos])).Append(line[pos + 1] == (byte)'n' ? "\n" : "\\");
                    pos += 2;
                    start = pos;
                    continue;
                }

                pos++;
            }

            return sb.Append(Encoding.UTF8.GetString(line[start..pos])).ToString();
        }
    }
}
