using System.Globalization;
using System.Text.Json;

namespace OrleansNetOps.Grains.Learning;

/// <summary>
/// Shadow mode's arithmetic, pure: reading recommendations from the live feed's action JSON, and agreement, rewards and
/// graduation over the recorded decisions.
/// </summary>
public static class ShadowLedger
{
    /// <summary>
    /// Reads an action in API.md's shape. A what-if that did not pass marks it not forwarded. An optional <c>policy</c>
    /// field names the policy that proposed it (A/B); absent means <c>production</c>.
    /// </summary>
    public static ShadowDecision? Read(string json, DateTimeOffset at, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var a = document.RootElement;
            if (a.ValueKind != JsonValueKind.Object || Text(a, "id") is not { Length: > 0 } id)
            {
                error = "action: no id";
                return null;
            }

            var tier = Text(a, "tier") ?? "T3";
            if (tier is not ("T1" or "T2" or "T3"))
            {
                error = $"action {id}: tier '{tier}' is not T1, T2 or T3";
                return null;
            }

            var passed = !a.TryGetProperty("whatIf", out var whatIf) || whatIf.ValueKind != JsonValueKind.Object
                || !whatIf.TryGetProperty("passed", out var p) || p.ValueKind != JsonValueKind.False;
            var confidence = a.TryGetProperty("confidence", out var c) && c.TryGetDouble(out var value) ? value : 0;
            return new ShadowDecision(id, Text(a, "action") ?? "?", Text(a, "router") ?? "?", tier, confidence, passed, Text(a, "policy") ?? "production", at);
        }
        catch (JsonException e)
        {
            error = "action: not JSON: " + e.Message;
            return null;
        }
    }

    /// <summary>Whether the latest <see cref="ShadowRules.Window"/> reviewed T1 decisions reach the bar (a full window is needed).</summary>
    public static bool Ready(IReadOnlyList<ShadowDecision> decisions, ShadowRules rules, out int window, out double? agreement)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(rules);
        var latest = decisions.Where(d => d.Tier == "T1" && d.Verdict is not null)
            .OrderBy(d => d.ReviewedAt).TakeLast(rules.Window).ToList();
        window = latest.Count;
        agreement = Agreement(latest);
        return window >= rules.Window && agreement >= rules.RequiredAgreement;
    }

    /// <summary>The statistics of <c>GET /api/v1/shadow/stats</c>.</summary>
    public static ShadowStats Stats(IReadOnlyList<ShadowDecision> decisions, IReadOnlyList<GraduationChange> graduations, ShadowRules rules)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var reviewed = decisions.Where(d => d.Verdict is not null).ToList();
        var ready = Ready(decisions, rules, out var window, out var windowAgreement);
        var agreement = new ShadowAgreement(
            Agreement(reviewed), Agreement(reviewed.Where(d => d.Tier == "T1")), Agreement(reviewed.Where(d => d.Tier == "T2")), Agreement(reviewed.Where(d => d.Tier == "T3")));
        var perPolicy = decisions.GroupBy(d => d.Policy, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var r = g.Where(d => d.Verdict is not null).ToList();
                return new PolicyScore(g.Key, g.Count(), r.Count, Agreement(r), RewardAvg(r));
            }).ToList();
        return new ShadowStats(decisions.Count, reviewed.Count, agreement, ready, RewardAvg(reviewed), decisions.Count(d => !d.Forwarded),
            window, windowAgreement, graduations, perPolicy);
    }

    /// <summary>Share of <paramref name="reviewed"/> answered agree; null when empty.</summary>
    public static double? Agreement(IEnumerable<ShadowDecision> reviewed)
    {
        var list = reviewed.Where(d => d.Verdict is not null).ToList();
        return list.Count == 0 ? null : (double)list.Count(d => d.Verdict == ShadowVerdict.Agree) / list.Count;
    }

    /// <summary>Average reward of <paramref name="reviewed"/>; null when empty.</summary>
    public static double? RewardAvg(IEnumerable<ShadowDecision> reviewed)
    {
        var list = reviewed.Where(d => d.Verdict is not null).ToList();
        return list.Count == 0 ? null : list.Average(d => ShadowRules.Reward(d.Verdict!.Value));
    }

    /// <summary>Reads <c>agree|partial|disagree</c>.</summary>
    public static bool TryVerdict(string? text, out ShadowVerdict verdict)
    {
        verdict = default;
        switch (text)
        {
            case "agree":
                verdict = ShadowVerdict.Agree;
                return true;
            case "partial":
                verdict = ShadowVerdict.Partial;
                return true;
            case "disagree":
                verdict = ShadowVerdict.Disagree;
                return true;
            default:
                return false;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null : null;

    internal static string Describe(double value) => value.ToString("P1", CultureInfo.InvariantCulture);
}
