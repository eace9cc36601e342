using System.Globalization;
using System.Text;

namespace OrleansNetOps.Silo.Tests.Observability;

/// <summary>A sample: its full name (with a histogram's <c>_bucket</c>, <c>_sum</c>, <c>_count</c>), labels and value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>A metric family: its TYPE, HELP and samples, in the order written.</summary>
internal sealed record PrometheusFamily(string Name, string Type, string? Help, List<PrometheusSample> Samples);

/// <summary>
/// The Prometheus text exposition format 0.0.4, parsed as strictly as Prometheus does: every sample belongs to a family
/// declared by a TYPE line before it, a family's lines are not interleaved with another's, label values are quoted
/// with their escapes, no sample (name and labels) appears twice. Errors name the line.
/// </summary>
internal sealed class PrometheusExposition
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    private PrometheusExposition(Dictionary<string, PrometheusFamily> families) => Families = families;

    public IReadOnlyDictionary<string, PrometheusFamily> Families { get; }

    public PrometheusFamily Family(string name) =>
        Families.TryGetValue(name, out var family)
            ? family
            : throw new Xunit.Sdk.XunitException($"no family '{name}' among {Families.Count}: {string.Join(", ", Families.Keys.Order(StringComparer.Ordinal))}");

    public static PrometheusExposition Parse(string text)
    {
        if (!text.EndsWith('\n'))
        {
            throw new FormatException("the exposition does not end with a line feed");
        }

        var families = new Dictionary<string, PrometheusFamily>(StringComparer.Ordinal);
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lines = text[..^1].Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"line {i + 1} ('{line}')";
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var parts = line.Split(' ', 4);
                if (parts.Length >= 3 && parts[0] == "#" && parts[1] is "HELP" or "TYPE")
                {
                    var name = parts[2];
                    RequireName(name, where);
                    var rest = parts.Length == 4 ? parts[3] : string.Empty;
                    if (parts[1] == "HELP")
                    {
                        if (!help.TryAdd(name, rest))
                        {
                            throw new FormatException($"{where}: HELP for {name} twice");
                        }
                    }
                    else
                    {
                        if (!Types.Contains(rest))
                        {
                            throw new FormatException($"{where}: unknown type '{rest}'");
                        }

                        if (families.ContainsKey(name))
                        {
                            throw new FormatException($"{where}: TYPE for {name} twice, or after its samples");
                        }

                        families[name] = new PrometheusFamily(name, rest, null, []);
                    }
                }

                continue;
            }

            var sample = ParseSample(line, where);
            var family = FamilyOf(sample.Name, families) ?? throw new FormatException($"{where}: sample {sample.Name} has no TYPE line before it");
            if (current != family.Name)
            {
                if (current is not null)
                {
                    closed.Add(current);
                }

                if (closed.Contains(family.Name))
                {
                    throw new FormatException($"{where}: family {family.Name} continues after another family began");
                }

                current = family.Name;
            }

            var key = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
            if (!seen.Add(key))
            {
                throw new FormatException($"{where}: sample {key} appears twice");
            }

            family.Samples.Add(sample);
        }

        return new PrometheusExposition(families.ToDictionary(
            f => f.Key, f => f.Value with { Help = help.GetValueOrDefault(f.Key) }, StringComparer.Ordinal));
    }

    private static PrometheusFamily? FamilyOf(string sample, Dictionary<string, PrometheusFamily> families)
    {
        if (families.TryGetValue(sample, out var exact))
        {
            return exact;
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && families.TryGetValue(sample[..^suffix.Length], out var f) && f.Type is "histogram" or "summary")
            {
                return f;
            }
        }

        return null;
    }

    private static PrometheusSample ParseSample(string line, string where)
    {
        var at = 0;
        while (at < line.Length && line[at] is not '{' and not ' ')
        {
            at++;
        }

        var name = line[..at];
        RequireName(name, where);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < line.Length && line[at] == '{')
        {
            at++;
            while (true)
            {
                if (at >= line.Length)
                {
                    throw new FormatException($"{where}: labels are not closed");
                }

                if (line[at] == '}')
                {
                    at++;
                    break;
                }

                var eq = line.IndexOf('=', at);
                if (eq < 0)
                {
                    throw new FormatException($"{where}: a label has no '='");
                }

                var label = line[at..eq];
                if (label.Length == 0 || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(label[0]))
                {
                    throw new FormatException($"{where}: invalid label name '{label}'");
                }

                at = eq + 1;
                if (at >= line.Length || line[at] != '"')
                {
                    throw new FormatException($"{where}: the value of label {label} is not quoted");
                }

                at++;
                var value = new StringBuilder();
                while (true)
                {
                    if (at >= line.Length)
                    {
                        throw new FormatException($"{where}: the value of label {label} is not closed");
                    }

                    var c = line[at++];
                    if (c == '"')
                    {
                        break;
                    }

                    if (c == '\\')
                    {
                        if (at >= line.Length)
                        {
                            throw new FormatException($"{where}: a backslash ends the line");
                        }

                        var escaped = line[at++];
                        value.Append(escaped switch
                        {
                            'n' => '\n',
                            '\\' => '\\',
                            '"' => '"',
                            _ => throw new FormatException($"{where}: unknown escape '\\{escaped}' in label {label}"),
                        });
                    }
                    else
                    {
                        value.Append(c);
                    }
                }

                if (!labels.TryAdd(label, value.ToString()))
                {
                    throw new FormatException($"{where}: label {label} twice");
                }

                if (at < line.Length && line[at] == ',')
                {
                    at++;
                }
                else if (at >= line.Length || line[at] != '}')
                {
                    throw new FormatException($"{where}: expected ',' or '}}' after label {label}");
                }
            }
        }

        if (at >= line.Length || line[at] != ' ')
        {
            throw new FormatException($"{where}: no value after {name}");
        }

        var fields = line[(at + 1)..].Split(' ');
        if (fields.Length is < 1 or > 2)
        {
            throw new FormatException($"{where}: expected a value and an optional timestamp");
        }

        if (fields.Length == 2 && !long.TryParse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"{where}: invalid timestamp '{fields[1]}'");
        }

        return new PrometheusSample(name, labels, ParseValue(fields[0], where));
    }

    private static double ParseValue(string text, string where) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => throw new FormatException($"{where}: invalid value '{text}'"),
    };

    private static void RequireName(string name, string where)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':'))
        {
            throw new FormatException($"{where}: invalid metric name '{name}'");
        }
    }
}
