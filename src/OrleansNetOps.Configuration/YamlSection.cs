using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrleansNetOps.Configuration;

/// <summary>
/// Reads one mapping of the configuration, reporting every problem with the node's position and field path.
/// Fields are matched case-insensitively because environment overrides arrive in any case.
/// Call <see cref="Finish"/> after reading every known field: whatever was not asked for is an unknown field.
/// </summary>
public sealed class YamlSection
{
    private readonly ConfigDiagnostics _diagnostics;
    private readonly YamlNode _anchor;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _known = [];

    public YamlSection(ConfigDiagnostics diagnostics, YamlNode? node, YamlNode anchor, string path)
    {
        _diagnostics = diagnostics;
        _anchor = node ?? anchor;
        Path = path;
        IsPresent = node is not null && !IsNull(node);
        if (!IsPresent)
        {
            return;
        }

        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Report(node!, path, $"expected a section of fields but found {Describe(node!)}");
            IsPresent = false;
            return;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: not null } key)
            {
                diagnostics.Report(keyNode, path, "a field name must be plain text");
                continue;
            }

            if (!_entries.TryAdd(key.Value, (key, valueNode)))
            {
                diagnostics.Report(key, Child(key.Value), "the field appears more than once");
            }
        }
    }

    public string Path { get; }

    /// <summary>Whether the section was written (and is a mapping).</summary>
    public bool IsPresent { get; }

    /// <summary>Where to point when a required field is missing from this section.</summary>
    public YamlNode Anchor => _anchor;

    public string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>The value node of a field, or null when it is absent or written as null.</summary>
    public YamlNode? Value(string name)
    {
        if (!_known.Contains(name))
        {
            _known.Add(name);
        }

        return _entries.TryGetValue(name, out var entry) && !IsNull(entry.Value) ? entry.Value : null;
    }

    public YamlSection Section(string name) => new(_diagnostics, Value(name), _anchor, Child(name));

    public string? String(string name)
    {
        var node = Value(name);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        _diagnostics.Report(node, Child(name), $"expected a text value but found {Describe(node)}");
        return null;
    }

    public int Int(string name, int fallback, int minimum, int maximum) => (int)Long(name, fallback, minimum, maximum);

    public long Long(string name, long fallback, long minimum, long maximum)
    {
        var node = Value(name);
        return node is null ? fallback : ParseLong(node, Child(name), fallback, minimum, maximum);
    }

    public double Double(string name, double fallback, double minimum, double maximum)
    {
        var node = Value(name);
        if (node is null)
        {
            return fallback;
        }

        if (node is not YamlScalarNode { Value: { } text })
        {
            _diagnostics.Report(node, Child(name), $"expected a number but found {Describe(node)}");
            return fallback;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            _diagnostics.Report(node, Child(name), $"'{text}' is not a number");
            return fallback;
        }

        if (value < minimum || value > maximum)
        {
            _diagnostics.Report(node, Child(name), $"{value.ToString(CultureInfo.InvariantCulture)} is out of range ({minimum.ToString(CultureInfo.InvariantCulture)}..{maximum.ToString(CultureInfo.InvariantCulture)})");
            return fallback;
        }

        return value;
    }

    /// <summary>Reads a list of whole numbers, such as an AS path.</summary>
    public IReadOnlyList<long>? Longs(string name, long minimum, long maximum)
    {
        var node = Value(name);
        if (node is null)
        {
            return null;
        }

        var path = Child(name);
        if (node is not YamlSequenceNode sequence)
        {
            _diagnostics.Report(node, path, $"expected a list but found {Describe(node)}");
            return null;
        }

        return sequence.Children.Select((item, index) => ParseLong(item, $"{path}[{index}]", 0, minimum, maximum)).ToList();
    }

    public bool Bool(string name, bool fallback)
    {
        var node = Value(name);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: { } text })
        {
            // YAML 1.2 booleans only: 'yes'/'on' are YAML 1.1 surprises that turn a country code into false.
            if (string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(text.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            _diagnostics.Report(node, Child(name), $"'{text}' is not true or false");
            return fallback;
        }

        _diagnostics.Report(node, Child(name), $"expected true or false but found {Describe(node)}");
        return fallback;
    }

    private long ParseLong(YamlNode node, string path, long fallback, long minimum, long maximum)
    {
        if (node is not YamlScalarNode { Value: { } text })
        {
            _diagnostics.Report(node, path, $"expected a whole number but found {Describe(node)}");
            return fallback;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _diagnostics.Report(node, path, $"'{text}' is not a whole number");
            return fallback;
        }

        if (value < minimum || value > maximum)
        {
            _diagnostics.Report(node, path, $"{value} is out of range ({minimum}..{maximum})");
            return fallback;
        }

        return value;
    }

    public TEnum Enum<TEnum>(string name, TEnum fallback)
        where TEnum : struct, Enum
    {
        var node = Value(name);
        return node is null ? fallback : ParseEnum(node, Child(name), fallback);
    }

    /// <summary>
    /// Reads a list of text values. An environment override writes a list as one comma-separated value.
    /// </summary>
    public IReadOnlyList<(string Text, YamlNode Node, string Path)>? Strings(string name)
    {
        var node = Value(name);
        if (node is null)
        {
            return null;
        }

        var path = Child(name);
        if (node is YamlScalarNode { Value: { } joined } && _diagnostics.IsFromEnvironment(node))
        {
            return joined.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select((text, index) => (text, node, $"{path}[{index}]"))
                .ToList();
        }

        if (node is not YamlSequenceNode sequence)
        {
            _diagnostics.Report(node, path, $"expected a list but found {Describe(node)}");
            return null;
        }

        var items = new List<(string, YamlNode, string)>();
        for (var index = 0; index < sequence.Children.Count; index++)
        {
            var item = sequence.Children[index];
            if (item is YamlScalarNode { Value: { } text } && !IsNull(item))
            {
                items.Add((text, item, $"{path}[{index}]"));
            }
            else
            {
                _diagnostics.Report(item, $"{path}[{index}]", $"expected a text value but found {Describe(item)}");
            }
        }

        return items;
    }

    public IReadOnlyList<TEnum>? Enums<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var items = Strings(name);
        if (items is null)
        {
            return null;
        }

        var values = new List<TEnum>();
        foreach (var (text, node, path) in items)
        {
            if (TryParseEnum<TEnum>(text, out var value))
            {
                values.Add(value);
            }
            else
            {
                _diagnostics.Report(node, path, $"'{text}' is not one of {EnumNames<TEnum>()}");
            }
        }

        return values;
    }

    /// <summary>Reads a list of sections, such as <c>auth.keys</c>.</summary>
    public IReadOnlyList<YamlSection>? Sections(string name)
    {
        var node = Value(name);
        if (node is null)
        {
            return null;
        }

        var path = Child(name);
        if (node is not YamlSequenceNode sequence)
        {
            _diagnostics.Report(node, path, $"expected a list but found {Describe(node)}");
            return null;
        }

        return sequence.Children
            .Select((item, index) => new YamlSection(_diagnostics, item, item, $"{path}[{index}]"))
            .ToList();
    }

    public void Report(YamlNode node, string path, string message) => _diagnostics.Report(node, path, message);

    /// <summary>Reports every field that was not read as unknown.</summary>
    public void Finish()
    {
        foreach (var (name, entry) in _entries)
        {
            if (!_known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                _diagnostics.Report(entry.Key, Child(name), $"unknown field; expected one of {string.Join(", ", _known)}");
            }
        }
    }

    public static string EnumNames<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));

    private TEnum ParseEnum<TEnum>(YamlNode node, string path, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            if (TryParseEnum<TEnum>(text, out var value))
            {
                return value;
            }

            _diagnostics.Report(node, path, $"'{text}' is not one of {EnumNames<TEnum>()}");
            return fallback;
        }

        _diagnostics.Report(node, path, $"expected one of {EnumNames<TEnum>()} but found {Describe(node)}");
        return fallback;
    }

    private static bool TryParseEnum<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        // Names only: Enum.TryParse would also take "1" or "memory,postgres", which no one means in a config file.
        foreach (var candidate in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a section of fields",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an alias",
    };
}
