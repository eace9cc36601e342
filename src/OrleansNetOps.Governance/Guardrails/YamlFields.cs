using System.Globalization;
using System.Text.RegularExpressions;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Configuration;
using YamlDotNet.RepresentationModel;

namespace OrleansNetOps.Governance.Guardrails;

/// <summary>Reading helpers the shared <see cref="YamlSection"/> does not have: mappings with free keys, durations, catalogue names.</summary>
internal static partial class YamlFields
{
    /// <summary>Every catalogue action name, in catalogue order.</summary>
    public static IReadOnlyList<string> CatalogueNames { get; } = Enum.GetValues<TwinAction>().Select(TwinActionNames.Name).ToList();

    /// <summary>The keys of a mapping whose keys are data (level names, action names), in document order.</summary>
    public static IReadOnlyList<(string Key, YamlNode Node)> Keys(YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.Select(c => c.Key).OfType<YamlScalarNode>().Where(k => k.Value is not null).Select(k => (k.Value!, (YamlNode)k)).ToList()
            : [];

    /// <summary>Reads a duration: a number with a unit (<c>300s</c>, <c>5m</c>, <c>4h</c>, <c>1d</c>, <c>500ms</c>) or a bare number of seconds.</summary>
    public static TimeSpan Duration(YamlSection section, string name, TimeSpan fallback, TimeSpan minimum, TimeSpan maximum)
    {
        var node = section.Value(name);
        if (node is null)
        {
            return fallback;
        }

        var path = section.Child(name);
        if (node is not YamlScalarNode { Value: { } text })
        {
            section.Report(node, path, "expected a duration such as 300s, 5m, 4h or 1d");
            return fallback;
        }

        if (!TryParseDuration(text, out var value))
        {
            section.Report(node, path, $"'{text}' is not a duration (a number with ms, s, m, h or d, e.g. 300s or 4h)");
            return fallback;
        }

        if (value < minimum || value > maximum)
        {
            section.Report(node, path, $"{text} is out of range ({Describe(minimum)}..{Describe(maximum)})");
            return fallback;
        }

        return value;
    }

    /// <summary>Parses a duration text.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var seconds = match.Groups[2].Value switch
        {
            "ms" => number / 1000,
            "m" => number * 60,
            "h" => number * 3600,
            "d" => number * 86400,
            _ => number,
        };
        if (!double.IsFinite(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>Reads a catalogue action name; reports anything else.</summary>
    public static bool IsCatalogueName(YamlSection section, YamlNode node, string path, string text)
    {
        if (TwinActionNames.TryParse(text, out _))
        {
            return true;
        }

        section.Report(node, path, $"'{text}' is not a catalogue action ({string.Join(", ", CatalogueNames)})");
        return false;
    }

    public static string Describe(TimeSpan span) =>
        span.TotalSeconds < 1 ? $"{span.TotalMilliseconds:0}ms"
        : span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? $"{span.TotalDays:0}d"
        : span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0}h"
        : $"{span.TotalSeconds:0.###}s";

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(ms|s|m|h|d)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
