using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrleansNetOps.Governance.Audit;

/// <summary>
/// RFC 8785 (JSON Canonicalization Scheme): object members sorted by their names' UTF-16 code units, no whitespace,
/// strings with only the escapes JSON requires (<c>\" \\ \b \f \n \r \t</c>, other controls and lone surrogates as
/// lowercase <c>\u00xx</c>), numbers as ECMAScript writes a double (shortest round-trip digits; exponent form below
/// 1e-6 and from 1e21). Duplicate member names are refused.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The canonical text of a JSON text.</summary>
    /// <exception cref="FormatException">Not JSON, a duplicate member name, or a number no double holds.</exception>
    public static string Canonicalize(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"not JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var builder = new StringBuilder(json.Length);
            Write(document.RootElement, builder);
            return builder.ToString();
        }
    }

    public static void WriteString(string value, StringBuilder builder)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        Escape(c, builder);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        Escape(c, builder);
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>ECMAScript's Number::toString for a finite double.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new FormatException($"{value} has no JSON form");
        }

        if (value == 0)
        {
            return "0";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var exponentAt = text.IndexOfAny(['E', 'e']);
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var n = (point < 0 ? mantissa.Length : point) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leading..].TrimEnd('0');
        n -= leading;
        var k = digits.Length;

        string result;
        if (k <= n && n <= 21)
        {
            result = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            result = "0." + new string('0', -n) + digits;
        }
        else
        {
            var e = n - 1;
            result = (k == 1 ? digits : digits[0] + "." + digits[1..]) + "e" + (e > 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        }

        return negative ? "-" + result : result;
    }

    private static void Write(JsonElement element, StringBuilder builder)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject().ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                builder.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        if (string.Equals(members[i].Name, members[i - 1].Name, StringComparison.Ordinal))
                        {
                            throw new FormatException($"member '{members[i].Name}' appears twice");
                        }

                        builder.Append(',');
                    }

                    WriteString(members[i].Name, builder);
                    builder.Append(':');
                    Write(members[i].Value, builder);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    Write(item, builder);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, builder);
                break;
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    throw new FormatException($"{element.GetRawText()} does not fit a double");
                }

                builder.Append(Number(number));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void Escape(char c, StringBuilder builder) =>
        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
