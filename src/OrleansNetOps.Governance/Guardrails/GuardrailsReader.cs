using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Configuration;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Tiers;
using OrleansNetOps.Governance.Verification;

namespace OrleansNetOps.Governance.Guardrails;

/// <summary>
/// Reads <c>guardrails.yaml</c> (version 2; a version 1 file is read with the new sections at their defaults) and
/// checks it whole: every problem is reported at once with file, line, column and field path. A JSON body of the same
/// shape reads the same way (JSON is YAML's flow style), with line and column in the JSON text — that is what
/// <c>PUT /guardrails</c> validates. Absent fields take SPEC §4 defaults.
/// </summary>
public static class GuardrailsReader
{
    private const string Expected = "version, localPref, med, protectedCommunities, sla, verification, floors, tiers, rateLimits, risk, approval and autonomy";

    /// <summary>Parses the text.</summary>
    /// <param name="text">YAML, or JSON of the same shape.</param>
    /// <param name="sourceName">Named in every error (a file name, or <c>request body</c>).</param>
    /// <exception cref="ConfigException">Every problem found.</exception>
    public static GovernancePolicy Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new ConfigDiagnostics(sourceName);
        var root = YamlDocumentReader.ReadMapping(JsonTabs(text), diagnostics, Expected);
        var top = new YamlSection(diagnostics, root, root, string.Empty);
        var defaults = GovernancePolicy.Default;

        top.Int("version", 2, 1, 2);
        var policy = new GovernancePolicy
        {
            Limits = ReadLimits(top, defaults.Limits),
            Sla = ReadSla(top.Section("sla"), defaults.Sla),
            Verification = ReadVerification(top.Section("verification"), defaults.Verification),
            Floors = ReadFloors(top.Section("floors"), defaults.Floors),
            Tiers = ReadTiers(top.Section("tiers"), defaults.Tiers),
            RateLimits = ReadRateLimits(top.Section("rateLimits"), defaults.RateLimits),
            Risk = RiskSectionReader.Read(top.Section("risk"), defaults.Risk),
            Approval = ApprovalSectionReader.Read(top.Section("approval"), defaults.Approval),
            Autonomy = AutonomySectionReader.Read(top.Section("autonomy"), defaults.Autonomy),
            Fingerprint = Fingerprint(text),
        };
        top.Finish();
        diagnostics.ThrowIfAny();
        return policy;
    }

    /// <summary>The fingerprint a policy read from <paramref name="text"/> carries: SHA-256 of its UTF-8 bytes, lower-case hex.</summary>
    public static string Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// A hot reload: the new policy when the text is valid, else the current one kept with every error. The host
    /// watches the file (or takes <c>PUT /guardrails</c>) and calls this; nothing here touches the file system.
    /// </summary>
    public static GuardrailsReload Reload(string text, string sourceName, GovernancePolicy current)
    {
        ArgumentNullException.ThrowIfNull(current);
        try
        {
            return new GuardrailsReload(Parse(text, sourceName), true, []);
        }
        catch (ConfigException exception)
        {
            return new GuardrailsReload(current, false, [.. exception.Errors]);
        }
    }

    private static RouteLimits ReadLimits(YamlSection top, RouteLimits defaults)
    {
        var (lpMin, lpMax) = Range(top.Section("localPref"), defaults.LocalPrefMin, defaults.LocalPrefMax);
        var (medMin, medMax) = Range(top.Section("med"), defaults.MedMin, defaults.MedMax);
        var communities = new List<string>();
        foreach (var (text, node, path) in top.Strings("protectedCommunities") ?? [])
        {
            if (CommunityText.TryParse(text.Trim(), out var community))
            {
                communities.Add(community.ToString());
            }
            else
            {
                top.Report(node, path, $"'{text}' is not a community (AA:NN)");
            }
        }

        return new RouteLimits
        {
            LocalPrefMin = lpMin,
            LocalPrefMax = lpMax,
            MedMin = medMin,
            MedMax = medMax,
            ProtectedCommunities = top.Value("protectedCommunities") is null ? defaults.ProtectedCommunities : [.. communities.Distinct(StringComparer.Ordinal)],
        };
    }

    private static (long Min, long Max) Range(YamlSection section, long defaultMin, long defaultMax)
    {
        var min = section.Long("min", defaultMin, 0, uint.MaxValue);
        var max = section.Long("max", defaultMax, 0, uint.MaxValue);
        if (min > max)
        {
            section.Report(section.Value("max") ?? section.Anchor, section.Child("max"), $"{max} is below min {min}");
        }

        section.Finish();
        return (min, max);
    }

    private static SlaLimits ReadSla(YamlSection section, SlaLimits defaults)
    {
        var result = new SlaLimits
        {
            LatencyMs = section.Double("latencyMs", defaults.LatencyMs, 0.001, 100_000),
            LossPct = section.Double("lossPct", defaults.LossPct, 0, 100),
            FailLossPct = section.Double("failLossPct", defaults.FailLossPct, 0, 100),
        };
        section.Finish();
        return result;
    }

    private static VerificationRules ReadVerification(YamlSection section, VerificationRules defaults)
    {
        var result = new VerificationRules
        {
            LatencyRatio = section.Double("latencyRatio", defaults.LatencyRatio, 1, 1000),
            LossRatio = section.Double("lossRatio", defaults.LossRatio, 1, 1000),
            MaxLatencyMs = section.Double("maxLatencyMs", defaults.MaxLatencyMs, 0.001, 100_000),
            MaxLossPct = section.Double("maxLossPct", defaults.MaxLossPct, 0, 100),
            LossRatioMinPct = section.Double("lossRatioMinPct", defaults.LossRatioMinPct, 0, 100),
            MinSamples = section.Int("minSamples", defaults.MinSamples, 1, 10_000),
            Before = YamlFields.Duration(section, "before", defaults.Before, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            Settle = YamlFields.Duration(section, "settle", defaults.Settle, TimeSpan.Zero, TimeSpan.FromHours(1)),
            After = YamlFields.Duration(section, "after", defaults.After, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
        };
        if (result.LossRatioMinPct > result.MaxLossPct)
        {
            // Above maxLossPct the absolute rule fires first, so the ratio rule could never apply.
            section.Report(section.Value("lossRatioMinPct") ?? section.Value("maxLossPct") ?? section.Anchor, section.Child("lossRatioMinPct"),
                $"{result.LossRatioMinPct.ToString(System.Globalization.CultureInfo.InvariantCulture)} must not be above maxLossPct {result.MaxLossPct.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        section.Finish();
        return result;
    }

    private static AnalystFloors ReadFloors(YamlSection section, AnalystFloors defaults)
    {
        var result = new AnalystFloors
        {
            LatencyMs = section.Double("latencyMs", defaults.LatencyMs, 0.001, 100_000),
            LossPct = section.Double("lossPct", defaults.LossPct, 0, 100),
            UtilisationPct = section.Double("utilisationPct", defaults.UtilisationPct, 1, 100),
            AnomalyHigh = section.Double("anomalyHigh", defaults.AnomalyHigh, 0, 1),
            AnomalyCritical = section.Double("anomalyCritical", defaults.AnomalyCritical, 0, 1),
        };
        if (result.AnomalyHigh >= result.AnomalyCritical)
        {
            section.Report(section.Value("anomalyCritical") ?? section.Value("anomalyHigh") ?? section.Anchor, section.Child("anomalyCritical"),
                $"{result.AnomalyCritical} must be above anomalyHigh {result.AnomalyHigh}");
        }

        section.Finish();
        return result;
    }

    private static TierPolicy ReadTiers(YamlSection section, TierPolicy defaults)
    {
        var t1 = Bounds(section.Section("T1"), defaults.T1);
        var t2 = Bounds(section.Section("T2"), defaults.T2);
        if (t1.MaxBlast > t2.MaxBlast)
        {
            section.Report(section.Value("T1") ?? section.Anchor, section.Child("T1.maxBlast"),
                $"{t1.MaxBlast} is above T2's maxBlast {t2.MaxBlast}: a T1 change must fit T2 too");
        }

        if (t1.MinConfidence < t2.MinConfidence)
        {
            section.Report(section.Value("T1") ?? section.Anchor, section.Child("T1.minConfidence"),
                $"{t1.MinConfidence} is below T2's minConfidence {t2.MinConfidence}: a T1 change must fit T2 too");
        }

        var alwaysT3 = defaults.AlwaysT3;
        if (section.Strings("alwaysT3") is { } listed)
        {
            var names = listed.Where(item => YamlFields.IsCatalogueName(section, item.Node, item.Path, item.Text.Trim()))
                .Select(item => item.Text.Trim()).Distinct(StringComparer.Ordinal).ToImmutableArray();
            foreach (var required in new[] { "FULL_REROUTE", "DEPEER" }.Where(r => !names.Contains(r)))
            {
                section.Report(section.Value("alwaysT3")!, section.Child("alwaysT3"),
                    $"{required} is always T3 (SPEC §4); the list may add actions but not leave it out");
            }

            alwaysT3 = names;
        }

        var rules = defaults.Violations.ToBuilder();
        var violations = section.Section("violations");
        foreach (var (key, keyNode) in YamlFields.Keys(section.Value("violations")))
        {
            var path = violations.Child(key);
            if (!ViolationKinds.TryParse(key, out var kind))
            {
                violations.Value(key);
                violations.Report(keyNode, path,
                    $"unknown violation; configurable ones are {string.Join(", ", ViolationKinds.Configurable.Select(ViolationKinds.Name))}");
                continue;
            }

            var effect = violations.Enum(key, ViolationEffect.Escalate);
            if (ViolationKinds.IsHardLimit(kind))
            {
                violations.Report(keyNode, path, $"{ViolationKinds.Name(kind)} is a hard limit: it always blocks and cannot be configured");
                continue;
            }

            rules.RemoveAll(r => r.Kind == kind);
            rules.Add(new ViolationRule(kind, effect));
        }

        violations.Finish();
        section.Finish();
        return new TierPolicy { T1 = t1, T2 = t2, AlwaysT3 = alwaysT3, Violations = [.. rules.OrderBy(r => r.Kind)] };
    }

    private static TierBounds Bounds(YamlSection section, TierBounds defaults)
    {
        var result = new TierBounds(section.Double("maxBlast", defaults.MaxBlast, 0, 1), section.Double("minConfidence", defaults.MinConfidence, 0, 1));
        section.Finish();
        return result;
    }

    private static RateLimitPolicy ReadRateLimits(YamlSection section, RateLimitPolicy defaults)
    {
        var result = new RateLimitPolicy
        {
            Window = YamlFields.Duration(section, "window", defaults.Window, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            Overall = section.Int("overall", defaults.Overall, 1, 100_000),
            T1 = section.Value("T1") is null ? defaults.T1 : section.Int("T1", 0, 0, 100_000),
            T2 = section.Value("T2") is null ? defaults.T2 : section.Int("T2", 0, 0, 100_000),
            T3 = section.Value("T3") is null ? defaults.T3 : section.Int("T3", 0, 0, 100_000),
        };
        section.Finish();
        return result;
    }

    // Tabs are not YAML whitespace outside quotes, but JSON allows them between tokens; in a JSON body they become
    // spaces (one for one, so columns still point at the same characters).
    private static string JsonTabs(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length == 0 || trimmed[0] != '{' || !text.Contains('\t', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text);
        var inString = false;
        for (var i = 0; i < builder.Length; i++)
        {
            var c = builder[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '\t')
            {
                builder[i] = ' ';
            }
        }

        return builder.ToString();
    }
}
