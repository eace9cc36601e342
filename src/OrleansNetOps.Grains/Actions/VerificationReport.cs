using System.Text.Json.Nodes;
using OrleansNetOps.Governance.Verification;

namespace OrleansNetOps.Grains.Actions;

/// <summary>
/// The <c>verification</c> of an action (its API JSON and its <c>validation</c> audit record): the outcome, the
/// windows, the thresholds in force and, per probed path, the aggregates before and after with the samples behind them.
/// </summary>
internal static class VerificationReport
{
    /// <summary>The probes kept the change.</summary>
    public const string Verified = "VERIFIED";

    /// <summary>A rule fired: the change is rolled back.</summary>
    public const string RollbackRequired = "ROLLBACK_REQUIRED";

    /// <summary>No path had enough samples on both sides (or nothing was changed): kept for want of evidence.</summary>
    public const string NotJudged = "NOT_JUDGED";

    /// <summary>The report of a judged change.</summary>
    public static JsonObject Of(SlaVerification result, IReadOnlyList<ProbedPath> paths, VerificationWindows windows, VerificationRules rules, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(rules);
        var outcome = result.Verdict.RollBack ? RollbackRequired : paths.Count == 0 || result.Inconclusive ? NotJudged : Verified;
        var reasons = outcome == NotJudged
            ? paths.Count == 0
                ? ["no probe series (/probes/isp[name=…]/latency-ms and loss-pct) on any router in the windows"]
                : result.Paths.SelectMany(p => p.Reasons).ToList()
            : result.Verdict.Reasons.ToList();
        return new JsonObject
        {
            ["outcome"] = outcome,
            ["judgedAt"] = at.UtcDateTime,
            ["reasons"] = Strings(reasons),
            ["windows"] = Windows(windows),
            ["rules"] = new JsonObject
            {
                ["latencyRatio"] = rules.LatencyRatio,
                ["lossRatio"] = rules.LossRatio,
                ["lossRatioMinPct"] = rules.LossRatioMinPct,
                ["maxLatencyMs"] = rules.MaxLatencyMs,
                ["maxLossPct"] = rules.MaxLossPct,
                ["minSamples"] = rules.MinSamples,
            },
            ["paths"] = new JsonArray([.. paths.Zip(result.Paths, (path, judgement) => (JsonNode)new JsonObject
            {
                ["path"] = judgement.Path,
                ["router"] = path.Router,
                ["isp"] = path.Isp,
                ["judged"] = judgement.Judged,
                ["before"] = Side(judgement.Before, path.Probes.Before.Length, path.DroppedBefore),
                ["after"] = Side(judgement.After, path.Probes.After.Length, path.DroppedAfter),
                ["reasons"] = Strings(judgement.Reasons),
            })]),
        };
    }

    /// <summary>The report of an action there is nothing to judge for, with why.</summary>
    public static JsonObject Unjudged(DateTimeOffset at, string reason) => new()
    {
        ["outcome"] = NotJudged,
        ["judgedAt"] = at.UtcDateTime,
        ["reasons"] = Strings([reason]),
        ["paths"] = new JsonArray(),
    };

    /// <summary>
    /// The report of a runbook: its verify step, run at read-back, is the verification (a failed one rolled the runbook
    /// back before this point). <paramref name="held"/> lists what held; empty when the runbook has no verify step.
    /// </summary>
    public static JsonObject ByRunbook(DateTimeOffset at, JsonArray? held) =>
        held is { Count: > 0 }
            ? new JsonObject
            {
                ["outcome"] = Verified,
                ["judgedAt"] = at.UtcDateTime,
                ["reasons"] = Strings(held.Select(h => "verified by the runbook's own check: " + h!.GetValue<string>())),
                ["paths"] = new JsonArray(),
            }
            : Unjudged(at, "the runbook has no verify step: its effect is not checked");

    /// <summary>The windows as <c>{ before: { from, to }, after: { from, to } }</c>.</summary>
    public static JsonObject Windows(VerificationWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return new JsonObject
        {
            ["before"] = new JsonObject { ["from"] = windows.BeforeFrom.UtcDateTime, ["to"] = windows.BeforeTo.UtcDateTime },
            ["after"] = new JsonObject { ["from"] = windows.AfterFrom.UtcDateTime, ["to"] = windows.AfterTo.UtcDateTime },
        };
    }

    private static JsonObject Side(SlaSample? aggregate, int samples, int dropped) => new()
    {
        ["samples"] = samples,
        ["dropped"] = dropped,
        ["latencyMs"] = aggregate?.LatencyMs,
        ["lossPct"] = aggregate?.LossPct,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v!)]);
}
