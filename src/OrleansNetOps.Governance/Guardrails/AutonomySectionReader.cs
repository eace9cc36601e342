using System.Collections.Immutable;
using OrleansNetOps.Configuration;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Governance.Guardrails;

/// <summary>Reads <c>autonomy</c>: default phase, modes per phase, categories, scopes, demotion bounds.</summary>
internal static class AutonomySectionReader
{
    public static AutonomyPolicy Read(YamlSection section, AutonomyPolicy defaults)
    {
        var defaultPhase = section.Enum("default", defaults.DefaultPhase);
        var phases = section.Section("phases");
        var passive = Modes(phases.Section("passive"), defaults.Passive, passive: true);
        var semi = Modes(phases.Section("semi"), defaults.Semi, passive: false);
        var autonomous = Modes(phases.Section("autonomous"), defaults.Autonomous, passive: false);
        phases.Finish();

        var categories = Categories(section, defaults.Categories);
        var scopes = Scopes(section, categories) ?? defaults.Scopes;

        var demotion = section.Section("demotion");
        var bounds = new DemotionBounds(
            demotion.Double("minAccuracy", defaults.Demotion.MinAccuracy, 0, 1),
            demotion.Double("maxFalsePositiveRate", defaults.Demotion.MaxFalsePositiveRate, 0, 1),
            demotion.Int("minSamples", defaults.Demotion.MinSamples, 1, 100_000),
            demotion.Int("window", defaults.Demotion.Window, 1, 100_000));
        if (bounds.MinSamples > bounds.Window)
        {
            demotion.Report(demotion.Value("minSamples") ?? demotion.Value("window") ?? demotion.Anchor, demotion.Child("minSamples"),
                $"{bounds.MinSamples} is above window {bounds.Window}: the bounds would never be judged");
        }

        demotion.Finish();
        section.Finish();
        return new AutonomyPolicy
        {
            DefaultPhase = defaultPhase,
            Passive = passive,
            Semi = semi,
            Autonomous = autonomous,
            Categories = categories,
            Scopes = scopes,
            Demotion = bounds,
        };
    }

    private static PhaseModes Modes(YamlSection section, PhaseModes defaults, bool passive)
    {
        var modes = new PhaseModes(section.Enum("T1", defaults.T1), section.Enum("T2", defaults.T2), section.Enum("T3", defaults.T3));
        if (modes.T3 != TierMode.Approve)
        {
            section.Report(section.Value("T3")!, section.Child("T3"), "T3 is manual: its mode is always approve");
        }

        if (passive)
        {
            foreach (var (name, mode) in new[] { ("T1", modes.T1), ("T2", modes.T2) }.Where(m => m.Item2 != TierMode.Approve))
            {
                section.Report(section.Value(name)!, section.Child(name), $"passive recommends only: {name} cannot be {mode.ToString().ToLowerInvariant()}");
            }
        }

        section.Finish();
        return modes;
    }

    private static ImmutableArray<ActionCategory> Categories(YamlSection section, ImmutableArray<ActionCategory> defaults)
    {
        var node = section.Value("categories");
        if (node is null)
        {
            return defaults;
        }

        var categories = section.Section("categories");
        var result = ImmutableArray.CreateBuilder<ActionCategory>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, keyNode) in YamlFields.Keys(node))
        {
            if (key == AutonomyScope.Any || string.IsNullOrWhiteSpace(key))
            {
                categories.Report(keyNode, categories.Child(key), "a category needs a name other than '*'");
            }

            var actions = ImmutableArray.CreateBuilder<string>();
            foreach (var (text, item, path) in categories.Strings(key) ?? [])
            {
                var name = text.Trim();
                if (!YamlFields.IsCatalogueName(categories, item, path, name))
                {
                    continue;
                }

                if (owner.TryGetValue(name, out var other))
                {
                    categories.Report(item, path, $"{name} is already in category '{other}': an action belongs to one category");
                    continue;
                }

                owner[name] = key;
                actions.Add(name);
            }

            result.Add(new ActionCategory(key, actions.ToImmutable()));
        }

        categories.Finish();
        var missing = YamlFields.CatalogueNames.Where(n => !owner.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            section.Report(node, section.Child("categories"), $"every catalogue action needs a category; missing {string.Join(", ", missing)}");
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<ScopeRule>? Scopes(YamlSection section, ImmutableArray<ActionCategory> categories)
    {
        if (section.Sections("scopes") is not { } listed)
        {
            return null;
        }

        var result = ImmutableArray.CreateBuilder<ScopeRule>();
        foreach (var item in listed)
        {
            var domain = (item.String("domain") ?? AutonomyScope.Any).Trim();
            var deviceClass = (item.String("deviceClass") ?? AutonomyScope.Any).Trim();
            var category = (item.String("category") ?? AutonomyScope.Any).Trim();
            var phaseNode = item.Value("phase");
            var phase = item.Enum("phase", AutonomyPhase.Passive);
            item.Finish();
            if (phaseNode is null)
            {
                item.Report(item.Anchor, item.Child("phase"), $"required: one of {YamlSection.EnumNames<AutonomyPhase>()}");
            }

            if (domain.Length == 0)
            {
                item.Report(item.Value("domain")!, item.Child("domain"), "empty; use '*' for every domain");
            }

            if (deviceClass != AutonomyScope.Any && !RouterRoleNames.TryParse(deviceClass, out _))
            {
                item.Report(item.Value("deviceClass")!, item.Child("deviceClass"), $"'{deviceClass}' is not '*' or a router role ({string.Join(", ", RouterRoleNames.All)})");
            }

            if (category != AutonomyScope.Any && !categories.Any(c => c.Name == category))
            {
                item.Report(item.Value("category")!, item.Child("category"), $"'{category}' is not '*' or a category ({string.Join(", ", categories.Select(c => c.Name))})");
            }

            var scope = new AutonomyScope(domain, deviceClass, category);
            if (result.Any(r => r.Scope.SameAs(scope)))
            {
                item.Report(item.Anchor, item.Path, $"scope {scope} is listed twice");
                continue;
            }

            result.Add(new ScopeRule(scope, phase));
        }

        return result.ToImmutable();
    }
}
