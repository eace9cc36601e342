using System.Text.Json;
using OrleansNetOps.Assistant.Learning;
using OrleansNetOps.Governance.Audit;

namespace OrleansNetOps.Silo.Assistant;

/// <summary>
/// Reads the SLA outcome of every judged change out of the audit trail: the <c>proposal</c> entry names the catalogue
/// action, the <c>validation</c> entry holds the verifier's report (per path, the aggregates before and after). Changes
/// the verifier kept for want of evidence (<c>NOT_JUDGED</c>) teach nothing and are left out.
/// </summary>
internal static class AuditedOutcomes
{
    /// <summary>How many of the newest audit entries a training run reads.</summary>
    public const int Window = 100_000;

    public static async Task<IReadOnlyList<SlaOutcome>> ReadAsync(IAuditTrail audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var entries = await audit.QueryAsync(new AuditQuery(null, null, null, Window), cancellationToken);
        var actions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var proposal in entries.Where(e => e.Kind == "proposal" && e.ActionId is not null))
        {
            using var detail = JsonDocument.Parse(proposal.Detail);
            if (detail.RootElement.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String)
            {
                actions[proposal.ActionId!] = action.GetString()!;
            }
        }

        var outcomes = new List<SlaOutcome>();
        foreach (var validation in entries.Where(e => e.Kind == "validation" && e.Decision is "VERIFIED" or "ROLLBACK_REQUIRED"))
        {
            if (validation.ActionId is { } id && actions.TryGetValue(id, out var action) && Measured(action, validation.Detail) is { } outcome)
            {
                outcomes.Add(outcome);
            }
        }

        return outcomes;
    }

    private static SlaOutcome? Measured(string action, string detail)
    {
        using var report = JsonDocument.Parse(detail);
        if (!report.RootElement.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var judged = paths.EnumerateArray()
            .Where(p => p.TryGetProperty("judged", out var j) && j.ValueKind == JsonValueKind.True)
            .Select(p => (Before: Side(p, "before"), After: Side(p, "after")))
            .Where(p => p.Before is not null && p.After is not null)
            .Select(p => (Before: p.Before!.Value, After: p.After!.Value))
            .ToList();
        return judged.Count == 0 ? null : new SlaOutcome(action,
            judged.Average(p => p.Before.LatencyMs), judged.Average(p => p.After.LatencyMs),
            judged.Average(p => p.Before.LossPct), judged.Average(p => p.After.LossPct));
    }

    private static (double LatencyMs, double LossPct)? Side(JsonElement path, string side) =>
        path.TryGetProperty(side, out var aggregate)
        && aggregate.TryGetProperty("latencyMs", out var latency) && latency.ValueKind == JsonValueKind.Number
        && aggregate.TryGetProperty("lossPct", out var loss) && loss.ValueKind == JsonValueKind.Number
            ? (latency.GetDouble(), loss.GetDouble())
            : null;
}
