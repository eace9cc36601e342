using System.Text;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Metrics;

/// <summary>
/// An OpenConfig-style metric path as used by the metrics API, e.g.
/// <c>/interfaces/interface[name=eth0]/state/counters/in-octets</c>. Key values may contain '/' (as in
/// <c>Ethernet1/1</c>); ']' and '\' inside a value are escaped with '\'.
/// </summary>
public sealed record TelemetryPath(IReadOnlyList<PathElement> Elements)
{
    /// <summary>Parses a path or throws <see cref="TelemetryFormatException"/> (offset = character index).</summary>
    public static TelemetryPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new TelemetryFormatException(error);

    /// <summary>Parses a path; on failure reports what was wrong and at which character.</summary>
    public static bool TryParse(string text, out TelemetryPath path, out TelemetryParseError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        path = null!;
        if (text.Length == 0 || text[0] != '/')
        {
            error = new TelemetryParseError("path must start with '/'", 0);
            return false;
        }

        var elements = new List<PathElement>();
        var pos = 1;
        while (pos < text.Length)
        {
            var nameStart = pos;
            while (pos < text.Length && text[pos] is not ('/' or '['))
            {
                if (text[pos] is ']' or '=' || char.IsWhiteSpace(text[pos]))
                {
                    error = new TelemetryParseError($"unexpected '{text[pos]}' in element name", pos);
                    return false;
                }

                pos++;
            }

            if (pos == nameStart)
            {
                error = new TelemetryParseError("empty path element", pos);
                return false;
            }

            var name = text[nameStart..pos];
            var keys = new List<KeyValuePair<string, string>>();
            while (pos < text.Length && text[pos] == '[')
            {
                var open = pos++;
                var keyStart = pos;
                while (pos < text.Length && text[pos] is not ('=' or ']' or '['))
                {
                    pos++;
                }

                if (pos >= text.Length || text[pos] != '=' || pos == keyStart)
                {
                    error = new TelemetryParseError("key must be written [name=value]", open);
                    return false;
                }

                var key = text[keyStart..pos].Trim();
                pos++;
                var value = new StringBuilder();
                var closed = false;
                while (pos < text.Length)
                {
                    var ch = text[pos];
                    if (ch == '\\' && pos + 1 < text.Length)
                    {
                        value.Append(text[pos + 1]);
                        pos += 2;
                        continue;
                    }

                    pos++;
                    if (ch == ']')
                    {
                        closed = true;
                        break;
                    }

                    value.Append(ch);
                }

                if (!closed)
                {
                    error = new TelemetryParseError("key is not closed by ']'", open);
                    return false;
                }

                keys.Add(new(key, value.ToString()));
            }

            elements.Add(new PathElement(name, keys));
            if (pos < text.Length)
            {
                if (text[pos] != '/')
                {
                    error = new TelemetryParseError($"expected '/' after element '{name}'", pos);
                    return false;
                }

                pos++;
                if (pos == text.Length)
                {
                    error = new TelemetryParseError("path must not end with '/'", pos - 1);
                    return false;
                }
            }
        }

        path = new TelemetryPath(elements);
        error = default;
        return true;
    }

    /// <summary>The value of a key on the first element that has it, e.g. <c>name</c> → <c>eth0</c>.</summary>
    public string? Key(string key) => Elements.Select(e => e[key]).FirstOrDefault(v => v is not null);

    /// <summary>The path with keys removed, e.g. <c>/interfaces/interface/state/counters/in-octets</c>: the schema path.</summary>
    public string SchemaPath => "/" + string.Join('/', Elements.Select(e => e.Name));

    /// <inheritdoc />
    public override string ToString() => "/" + string.Join('/', Elements);
}
