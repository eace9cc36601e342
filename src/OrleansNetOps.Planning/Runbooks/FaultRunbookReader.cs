using System.Collections.Immutable;
using System.Text.Json;
using OrleansNetOps.Configuration;
using OrleansNetOps.Governance.Tiers;
using OrleansNetOps.Planning.Faults;
using YamlDotNet.RepresentationModel;

namespace OrleansNetOps.Planning.Runbooks;

/// <summary>
/// Reads the <c>faults:</c> list of <c>runbooks.yaml</c>: each entry names a runbook, what it matches
/// (<c>match: { faultKinds, findingKinds, title, routers, services, evidence }</c>), the runbook's arguments taken from
/// incident fields, its tier and confidence. Every problem is positioned; a mapping that names an unknown runbook or
/// matches every incident is refused.
/// </summary>
public static class FaultRunbookReader
{
    private static readonly ImmutableSortedDictionary<string, FaultKind> s_faultKinds =
        Enum.GetValues<FaultKind>().ToImmutableSortedDictionary(k => JsonSerializer.Serialize(k).Trim('"'), k => k, StringComparer.OrdinalIgnoreCase);

    private static readonly string[] s_builtIn = ["incident.id", "incident.title", "incident.severity", "router", "service"];

    /// <summary>Reads the list under <paramref name="name"/> of <paramref name="top"/>.</summary>
    /// <param name="top">The file's top-level section.</param>
    /// <param name="name">The list's field name (<c>faults</c>).</param>
    /// <param name="runbooks">The runbooks the file defines, by name.</param>
    public static RunbookCatalogue Read(YamlSection top, string name, IReadOnlySet<string> runbooks)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(runbooks);
        var mappings = ImmutableArray.CreateBuilder<FaultRunbook>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in top.Sections(name) ?? [])
        {
            var runbook = section.String("runbook");
            if (string.IsNullOrWhiteSpace(runbook))
            {
                section.Report(section.Anchor, section.Child("runbook"), "required: the runbook this fault gets");
            }
            else if (!runbooks.Contains(runbook))
            {
                section.Report(section.Value("runbook")!, section.Child("runbook"),
                    $"'{runbook}' is not a runbook of this file ({(runbooks.Count == 0 ? "none defined" : string.Join(", ", runbooks.Order(StringComparer.Ordinal)))})");
            }

            var id = section.String("name") ?? runbook ?? string.Empty;
            if (!seen.Add(id))
            {
                section.Report(section.Value("name") ?? section.Anchor, section.Child("name"), $"mapping '{id}' appears more than once (give each a name)");
            }

            var match = Match(section);
            var arguments = Arguments(section);
            var mapping = new FaultRunbook(id, runbook ?? string.Empty, match)
            {
                Arguments = arguments,
                Tier = section.Enum("tier", Tier.T2),
                Confidence = section.Double("confidence", 0.9, 0, 1),
            };
            section.Finish();
            mappings.Add(mapping);
        }

        return new RunbookCatalogue(mappings.ToImmutable());
    }

    private static RunbookMatch Match(YamlSection mapping)
    {
        var section = mapping.Section("match");
        var faultKinds = ImmutableArray.CreateBuilder<FaultKind>();
        foreach (var (text, node, path) in section.Strings("faultKinds") ?? [])
        {
            if (s_faultKinds.TryGetValue(text.Trim(), out var kind))
            {
                faultKinds.Add(kind);
            }
            else
            {
                section.Report(node, path, $"'{text}' is not one of {string.Join(", ", s_faultKinds.Keys)}");
            }
        }

        var title = section.String("title");
        if (title is not null && RunbookMatch.CheckTitle(title) is { } problem)
        {
            section.Report(section.Value("title")!, section.Child("title"), $"not a regular expression: {problem}");
        }

        var evidence = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var evidenceNode = section.Value("evidence");
        if (evidenceNode is YamlMappingNode pairs)
        {
            foreach (var (key, value) in pairs.Children)
            {
                if (key is YamlScalarNode { Value: { Length: > 0 } k } && value is YamlScalarNode { Value: { } v })
                {
                    evidence[k] = v;
                }
                else
                {
                    section.Report(value, section.Child("evidence"), "expected label: value pairs of text");
                }
            }
        }
        else if (evidenceNode is not null)
        {
            section.Report(evidenceNode, section.Child("evidence"), "expected label: value pairs");
        }

        var match = new RunbookMatch
        {
            FaultKinds = faultKinds.ToImmutable(),
            FindingKinds = [.. section.Strings("findingKinds")?.Select(s => s.Text.Trim()) ?? []],
            Title = title,
            Routers = [.. section.Strings("routers")?.Select(s => s.Text.Trim()) ?? []],
            Services = [.. section.Strings("services")?.Select(s => s.Text.Trim()) ?? []],
            Evidence = evidence.ToImmutable(),
        };
        section.Finish();
        if (match.IsEmpty)
        {
            mapping.Report(section.Anchor, section.Path,
                "required: at least one of faultKinds, findingKinds, title, routers, services, evidence (a mapping must not take every incident)");
        }

        return match;
    }

    // name: incident field. The field is one of the built-in ones or evidence.KEY.
    private static ImmutableSortedDictionary<string, string> Arguments(YamlSection mapping)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var node = mapping.Value("arguments");
        if (node is null)
        {
            return result.ToImmutable();
        }

        if (node is not YamlMappingNode pairs)
        {
            mapping.Report(node, mapping.Child("arguments"), "expected runbook field: incident field pairs");
            return result.ToImmutable();
        }

        foreach (var (key, value) in pairs.Children)
        {
            var path = mapping.Child("arguments") + (key is YamlScalarNode { Value: { } k0 } ? "." + k0 : string.Empty);
            if (key is not YamlScalarNode { Value: { Length: > 0 } k } || value is not YamlScalarNode { Value: { Length: > 0 } v })
            {
                mapping.Report(value, path, "expected runbook field: incident field");
                continue;
            }

            var field = v.Trim();
            if (!s_builtIn.Contains(field, StringComparer.Ordinal) && !(field.StartsWith("evidence.", StringComparison.Ordinal) && field.Length > "evidence.".Length))
            {
                mapping.Report(value, path, $"'{field}' is not an incident field ({string.Join(", ", s_builtIn)}, or evidence.LABEL)");
                continue;
            }

            result[k] = field;
        }

        return result.ToImmutable();
    }
}
