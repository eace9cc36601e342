using System.Collections.Immutable;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Configuration;
using OrleansNetOps.Governance.Risk;

namespace OrleansNetOps.Governance.Guardrails;

/// <summary>Reads <c>risk</c>: thresholds, factor tables, reversibility per action, scope bands, prefix classifications.</summary>
internal static class RiskSectionReader
{
    public static RiskPolicy Read(YamlSection section, RiskPolicy defaults)
    {
        var levels = section.Section("levels");
        var thresholds = new RiskThresholds(
            levels.Int("low", defaults.Levels.LowMax, 0, 1000),
            levels.Int("medium", defaults.Levels.MediumMax, 0, 1000),
            levels.Int("high", defaults.Levels.HighMax, 0, 1000));
        if (thresholds.LowMax > thresholds.MediumMax)
        {
            levels.Report(levels.Value("medium") ?? levels.Anchor, levels.Child("medium"), $"{thresholds.MediumMax} is below low {thresholds.LowMax}");
        }

        if (thresholds.MediumMax > thresholds.HighMax)
        {
            levels.Report(levels.Value("high") ?? levels.Anchor, levels.Child("high"), $"{thresholds.HighMax} is below medium {thresholds.MediumMax}");
        }

        levels.Finish();

        var reversibilitySection = section.Section("reversibility");
        var reversibility = Table(reversibilitySection, defaults.Reversibility);
        var byAction = ByAction(reversibilitySection, reversibility, defaults.ReversibilityByAction);
        reversibilitySection.Finish();

        var (bands, externalPoints, externalActions) = Scope(section.Section("scope"), defaults);

        var dataSection = section.Section("dataSensitivity");
        var data = Table(dataSection, defaults.DataSensitivity);
        dataSection.Finish();
        var complianceSection = section.Section("compliance");
        var compliance = Table(complianceSection, defaults.Compliance);
        complianceSection.Finish();

        var prefixes = Prefixes(section, data, compliance) ?? defaults.Prefixes;
        section.Finish();
        return new RiskPolicy
        {
            Levels = thresholds,
            Reversibility = reversibility,
            ReversibilityByAction = byAction,
            Scope = bands,
            ExternalScopePoints = externalPoints,
            ExternalActions = externalActions,
            DataSensitivity = data,
            Compliance = compliance,
            Prefixes = prefixes,
        };
    }

    // points: { level: n, ... } and default: level. Given points replace the default table whole.
    private static RiskFactorTable Table(YamlSection section, RiskFactorTable defaults)
    {
        var points = defaults.Points;
        var pointsNode = section.Value("points");
        if (pointsNode is not null)
        {
            var pointsSection = section.Section("points");
            var builder = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
            foreach (var (key, _) in YamlFields.Keys(pointsNode))
            {
                builder[key] = pointsSection.Int(key, 0, 0, 100);
            }

            pointsSection.Finish();
            if (builder.Count == 0 && pointsSection.IsPresent)
            {
                section.Report(pointsNode, section.Child("points"), "needs at least one level");
            }

            points = builder.Count == 0 ? points : builder.ToImmutable();
        }

        var fallback = section.String("default") ?? defaults.Default;
        if (!points.ContainsKey(fallback))
        {
            section.Report(section.Value("default") ?? pointsNode ?? section.Anchor, section.Child("default"),
                $"'{fallback}' is not one of the levels ({string.Join(", ", points.Keys)})");
        }

        return new RiskFactorTable(points, fallback);
    }

    private static ImmutableSortedDictionary<string, string> ByAction(YamlSection section, RiskFactorTable table, ImmutableSortedDictionary<string, string> defaults)
    {
        var node = section.Value("actions");
        var actions = section.Section("actions");
        var result = node is null ? defaults.ToBuilder() : ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, keyNode) in YamlFields.Keys(node))
        {
            var level = actions.String(key);
            if (!YamlFields.IsCatalogueName(actions, keyNode, actions.Child(key), key) || level is null)
            {
                continue;
            }

            if (!table.Points.ContainsKey(level))
            {
                actions.Report(actions.Value(key)!, actions.Child(key), $"'{level}' is not one of the levels ({string.Join(", ", table.Points.Keys)})");
                continue;
            }

            result[key] = level;
        }

        actions.Finish();
        if (node is null)
        {
            // The default table's levels may have been renamed by a points section: say which defaults no longer fit.
            var unfit = defaults.Where(p => !table.Points.ContainsKey(p.Value)).ToList();
            if (unfit.Count > 0)
            {
                section.Report(section.Value("points") ?? section.Anchor, section.Child("actions"),
                    $"the points do not define the default level of {string.Join(", ", unfit.Select(p => $"{p.Key} ({p.Value})"))}; list the actions");
                foreach (var (action, _) in unfit)
                {
                    result.Remove(action);
                }
            }
        }

        return result.ToImmutable();
    }

    private static (ImmutableArray<ScopeBand> Bands, int ExternalPoints, ImmutableArray<string> ExternalActions) Scope(YamlSection section, RiskPolicy defaults)
    {
        var bands = defaults.Scope;
        if (section.Sections("bands") is { } listed)
        {
            var result = ImmutableArray.CreateBuilder<ScopeBand>();
            foreach (var band in listed)
            {
                var name = band.String("name");
                var upTo = band.Double("upTo", double.NaN, 0, 1);
                var points = band.Int("points", 0, 0, 100);
                band.Finish();
                if (name is null || band.Value("upTo") is null)
                {
                    band.Report(band.Anchor, band.Path, "a band needs name, upTo and points");
                    continue;
                }

                if (name == "external")
                {
                    band.Report(band.Value("name")!, band.Child("name"), "'external' is the scope of changes seen by other ASes (scope.external); choose another name");
                }

                if (result.Count > 0 && upTo <= result[^1].UpTo)
                {
                    band.Report(band.Value("upTo")!, band.Child("upTo"), $"{upTo} must be above the previous band's {result[^1].UpTo}");
                }

                if (result.Any(b => b.Name == name))
                {
                    band.Report(band.Value("name")!, band.Child("name"), $"'{name}' is named twice");
                }

                if (!double.IsNaN(upTo))
                {
                    result.Add(new ScopeBand(name, upTo, points));
                }
            }

            if (result.Count == 0 || result[^1].UpTo < 1)
            {
                section.Report(section.Value("bands")!, section.Child("bands"), "the last band must reach upTo: 1 so that every blast radius has a scope");
            }

            bands = result.Count == 0 ? bands : result.ToImmutable();
        }

        var external = section.Int("external", defaults.ExternalScopePoints, 0, 100);
        var actions = defaults.ExternalActions;
        if (section.Strings("externalActions") is { } names)
        {
            actions = names.Where(n => YamlFields.IsCatalogueName(section, n.Node, n.Path, n.Text.Trim()))
                .Select(n => n.Text.Trim()).Distinct(StringComparer.Ordinal).ToImmutableArray();
        }

        section.Finish();
        return (bands, external, actions);
    }

    private static ImmutableArray<PrefixClassification>? Prefixes(YamlSection section, RiskFactorTable data, RiskFactorTable compliance)
    {
        if (section.Sections("prefixes") is not { } listed)
        {
            return null;
        }

        var result = ImmutableArray.CreateBuilder<PrefixClassification>();
        foreach (var item in listed)
        {
            var prefix = item.String("prefix");
            var sensitivity = Level(item, "dataSensitivity", data);
            var regulated = Level(item, "compliance", compliance);
            item.Finish();
            if (prefix is null)
            {
                item.Report(item.Anchor, item.Child("prefix"), "required: the prefix this classification is about");
                continue;
            }

            if (!IpPrefix.TryParse(prefix.Trim(), out var parsed))
            {
                item.Report(item.Value("prefix")!, item.Child("prefix"), $"'{prefix}' is not a prefix (A.B.C.D/N or an IPv6 prefix)");
                continue;
            }

            if (item.Value("dataSensitivity") is null && item.Value("compliance") is null)
            {
                item.Report(item.Anchor, item.Path, "names neither dataSensitivity nor compliance");
            }

            result.Add(new PrefixClassification(parsed.ToString(), sensitivity, regulated));
        }

        return result.ToImmutable();
    }

    private static string? Level(YamlSection item, string name, RiskFactorTable table)
    {
        var level = item.String(name);
        if (level is not null && !table.Points.ContainsKey(level))
        {
            item.Report(item.Value(name)!, item.Child(name), $"'{level}' is not one of the levels ({string.Join(", ", table.Points.Keys)})");
            return null;
        }

        return level;
    }
}
