using OrleansNetOps.Configuration;
using YamlDotNet.RepresentationModel;

namespace OrleansNetOps.Silo.Configuration;

/// <summary>
/// Writes <c>NETOPS__Section__Key=value</c> variables into the parsed YAML tree before it is bound, so an override
/// is validated by exactly the same rules as the file, and an error names the variable instead of a line.
/// A number segment selects a list item: <c>NETOPS__Auth__Keys__0__Key</c>.
/// </summary>
internal static class EnvironmentOverrides
{
    public const string Prefix = "NETOPS__";

    public static void Apply(YamlMappingNode root, IEnumerable<KeyValuePair<string, string?>> environment, ConfigDiagnostics diagnostics)
    {
        var overrides = environment
            .Where(v => v.Key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && v.Value is not null)
            .OrderBy(v => v.Key, StringComparer.Ordinal);
        foreach (var (variable, value) in overrides)
        {
            var segments = variable[Prefix.Length..].Split("__");
            if (segments.Any(s => s.Length == 0))
            {
                diagnostics.Report(variable, string.Empty, "malformed name; expected NETOPS__Section__Key");
                continue;
            }

            Set(root, segments, value!, variable, diagnostics);
        }
    }

    private static void Set(YamlMappingNode root, string[] segments, string value, string variable, ConfigDiagnostics diagnostics)
    {
        YamlNode current = root;
        var path = string.Empty;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            var replacement = last ? Scalar(value, variable, diagnostics) : null;
            switch (current)
            {
                case YamlMappingNode mapping:
                {
                    path = path.Length == 0 ? Camel(segment) : $"{path}.{Camel(segment)}";
                    var key = mapping.Children.Keys.OfType<YamlScalarNode>()
                        .FirstOrDefault(k => string.Equals(k.Value, segment, StringComparison.OrdinalIgnoreCase));
                    if (key is null)
                    {
                        key = new YamlScalarNode(Camel(segment));
                        diagnostics.MarkFromEnvironment(key, variable);
                    }

                    if (last)
                    {
                        mapping.Children[key] = replacement!;
                        return;
                    }

                    if (!mapping.Children.TryGetValue(key, out var child) || YamlSection.IsNull(child))
                    {
                        child = new YamlMappingNode();
                        diagnostics.MarkFromEnvironment(child, variable);
                        mapping.Children[key] = child;
                    }

                    current = child;
                    break;
                }

                case YamlSequenceNode sequence:
                {
                    path = $"{path}[{segment}]";
                    if (!int.TryParse(segment, out var index) || index < 0 || index >= sequence.Children.Count)
                    {
                        diagnostics.Report(variable, path, $"the list has {sequence.Children.Count} items; '{segment}' does not select one");
                        return;
                    }

                    if (last)
                    {
                        sequence.Children[index] = replacement!;
                        return;
                    }

                    current = sequence.Children[index];
                    break;
                }

                default:
                    diagnostics.Report(variable, path, "is a single value, so it has no field to override");
                    return;
            }
        }
    }

    private static YamlScalarNode Scalar(string value, string variable, ConfigDiagnostics diagnostics)
    {
        var node = new YamlScalarNode(value);
        diagnostics.MarkFromEnvironment(node, variable);
        return node;
    }

    // Shown in paths only; matching is case-insensitive.
    private static string Camel(string segment) =>
        segment.Length == 0 || char.IsLower(segment[0]) ? segment : char.ToLowerInvariant(segment[0]) + segment[1..];
}
