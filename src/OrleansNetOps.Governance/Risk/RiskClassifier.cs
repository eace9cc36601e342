using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Governance.Risk;

/// <summary>Seed 003's classifier for network changes: reversibility + scope + data sensitivity + compliance → level.</summary>
public static class RiskClassifier
{
    /// <summary>Scores a change.</summary>
    public static RiskAssessment Classify(RiskInput input, RiskPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);

        var reversibility = policy.ReversibilityByAction.TryGetValue(input.Action, out var level) ? level : policy.Reversibility.Default;
        var factors = ImmutableArray.CreateBuilder<RiskFactorScore>(4);
        factors.Add(new RiskFactorScore("reversibility", reversibility, policy.Reversibility.PointsOf(reversibility),
            policy.ReversibilityByAction.ContainsKey(input.Action) ? $"{input.Action} is {reversibility}" : $"{input.Action} is not listed: {reversibility}"));
        factors.Add(Scope(input, policy));

        var (data, compliance, matched) = Classes(input, policy);
        factors.Add(new RiskFactorScore("dataSensitivity", data, policy.DataSensitivity.PointsOf(data), matched));
        factors.Add(new RiskFactorScore("compliance", compliance, policy.Compliance.PointsOf(compliance), matched));

        var score = factors.Sum(f => f.Points);
        return new RiskAssessment(policy.Levels.LevelOf(score), score, factors.MoveToImmutable());
    }

    private static RiskFactorScore Scope(RiskInput input, RiskPolicy policy)
    {
        var blast = double.IsNaN(input.Blast) ? 1 : Math.Clamp(input.Blast, 0, 1);
        var band = policy.Scope.FirstOrDefault(b => blast <= b.UpTo) ?? policy.Scope[^1];
        var share = blast.ToString("0.###", CultureInfo.InvariantCulture);
        var external = string.Equals(input.Direction?.Trim(), "out", StringComparison.OrdinalIgnoreCase)
            || policy.ExternalActions.Contains(input.Action, StringComparer.Ordinal);
        if (external && policy.ExternalScopePoints > band.Points)
        {
            var why = policy.ExternalActions.Contains(input.Action, StringComparer.Ordinal)
                ? $"{input.Action} changes what a neighbouring AS receives"
                : "direction out changes what a neighbouring AS receives";
            return new RiskFactorScore("scope", "external", policy.ExternalScopePoints, $"{why} (blast radius {share})");
        }

        return new RiskFactorScore("scope", band.Name, band.Points, $"blast radius {share} ≤ {band.UpTo.ToString("0.###", CultureInfo.InvariantCulture)}");
    }

    private static (string Data, string Compliance, string Why) Classes(RiskInput input, RiskPolicy policy)
    {
        var data = policy.DataSensitivity.Default;
        var compliance = policy.Compliance.Default;
        var touched = Parse(input.Prefixes);
        var matched = new List<string>();
        foreach (var rule in policy.Prefixes)
        {
            if (!IpPrefix.TryParse(rule.Prefix, out var rulePrefix))
            {
                continue;
            }

            if (touched is not null && !touched.Any(p => p.Contains(rulePrefix) || rulePrefix.Contains(p)))
            {
                continue;
            }

            matched.Add(rule.Prefix);
            if (rule.DataSensitivity is { } d)
            {
                data = policy.DataSensitivity.Higher(data, d);
            }

            if (rule.Compliance is { } c)
            {
                compliance = policy.Compliance.Higher(compliance, c);
            }
        }

        if (input.DataSensitivity is { } assertedData && policy.DataSensitivity.Points.ContainsKey(assertedData))
        {
            data = policy.DataSensitivity.Higher(data, assertedData);
        }

        if (input.Compliance is { } assertedCompliance && policy.Compliance.Points.ContainsKey(assertedCompliance))
        {
            compliance = policy.Compliance.Higher(compliance, assertedCompliance);
        }

        var why = matched.Count == 0 ? "no classified prefix touched"
            : touched is null ? $"touched prefixes unknown, so every classified prefix counts: {string.Join(", ", matched)}"
            : $"touches {string.Join(", ", matched)}";
        return (data, compliance, why);
    }

    // Null means "unknown": an unparsable prefix makes the whole set unknown, which applies every rule.
    private static List<IpPrefix>? Parse(ImmutableArray<string>? prefixes)
    {
        if (prefixes is not { } list)
        {
            return null;
        }

        var result = new List<IpPrefix>(list.Length);
        foreach (var text in list)
        {
            if (!IpPrefix.TryParse(text, out var prefix))
            {
                return null;
            }

            result.Add(prefix);
        }

        return result;
    }
}
