using System.Text.Json.Nodes;
using OrleansNetOps.Governance.Risk;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Planning.Workflow;

namespace OrleansNetOps.Grains.Actions;

/// <summary>
/// An action in the API's shape (API.md "Incidents, actions, approvals"): <c>{ id, incidentId?, action, router, params,
/// confidence, tier, risk, state, violations, whatIf, approvals, requiredApprovals, rationale, explanation, createdAt,
/// updatedAt }</c>, plus the workflow's checkpoints, what the step in progress waits for, the execution and the
/// verification. The live feed publishes exactly this.
/// </summary>
internal static class ActionJson
{
    public static JsonObject Of(ActionRecord record)
    {
        var decision = record.Decision;
        var approval = record.Approval;
        return new JsonObject
        {
            ["id"] = record.Id,
            ["incidentId"] = record.IncidentId,
            ["action"] = record.Action,
            ["router"] = record.Router,
            ["params"] = JsonNode.Parse(DecisionJson.Write(record.Parameters)),
            ["fields"] = record.Fields.IsEmpty ? null : new JsonObject([.. record.Fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]),
            ["confidence"] = record.Confidence,
            ["tier"] = decision?.Tier.ToString(),
            ["tierBefore"] = decision?.BaseTier.ToString(),
            ["risk"] = decision is null ? null : Risk(decision.Risk.Level),
            ["state"] = ResolverWorkflow.Name(record.Workflow.State),
            ["verdict"] = decision is null ? null : JsonNode.Parse(DecisionJson.Write(decision.Verdict)),
            ["violations"] = new JsonArray([.. (decision?.Violations ?? []).Select(v => (JsonNode)v.Message!)]),
            ["whatIf"] = record.WhatIfJson is null ? null : JsonNode.Parse(record.WhatIfJson),
            ["approvals"] = new JsonArray([.. (approval?.Votes ?? []).Select(v => (JsonNode)new JsonObject
            {
                ["by"] = v.By,
                ["verdict"] = v.Verdict.ToString().ToLowerInvariant(),
                ["at"] = v.At.UtcDateTime,
                ["comment"] = v.Comment,
            })]),
            ["requiredApprovals"] = decision?.Approval.RequiredApprovals ?? 0,
            ["approval"] = approval is null ? null : new JsonObject
            {
                ["status"] = approval.Status.ToString().ToLowerInvariant(),
                ["deadline"] = approval.Deadline.UtcDateTime,
                ["escalationLevel"] = approval.EscalationLevel,
                ["onTimeout"] = approval.Requirement.OnTimeout.ToString().ToLowerInvariant(),
            },
            ["rationale"] = record.Reason,
            ["explanation"] = decision is null ? null : string.Join("; ", decision.Reasons),
            ["requester"] = record.Requester,
            ["idempotencyKey"] = record.IdempotencyKey,
            ["waiting"] = record.Waiting,
            ["execution"] = record.ExecutionJson is null ? null : JsonNode.Parse(record.ExecutionJson),
            ["verification"] = Verification(record),
            ["checkpoints"] = new JsonArray([.. record.Workflow.Checkpoints.Select(c => (JsonNode)new JsonObject
            {
                ["seq"] = c.Seq,
                ["from"] = ResolverWorkflow.Name(c.From),
                ["to"] = ResolverWorkflow.Name(c.To),
                ["event"] = ResolverWorkflow.Name(c.Event),
                ["effect"] = ResolverWorkflow.Name(c.Effect),
                ["effectDone"] = c.EffectDone,
                ["at"] = c.At.UtcDateTime,
                ["actor"] = c.Actor,
                ["reason"] = c.Reason,
            })]),
            ["createdAt"] = record.CreatedAt.UtcDateTime,
            ["updatedAt"] = record.UpdatedAt.UtcDateTime,
        };
    }

    // Judged: the report. Applied and not judged yet: when it will be, so an operator sees what the resolver waits for.
    private static JsonNode? Verification(ActionRecord record) =>
        record.VerificationJson is { } json ? JsonNode.Parse(json)
        : record is { Windows: { } windows, Workflow.State: WorkflowState.Validating } ? new JsonObject
        {
            ["outcome"] = "PENDING",
            ["windows"] = VerificationReport.Windows(windows),
        }
        : null;

    private static string Risk(RiskLevel level) => level.ToString().ToUpperInvariant();
}
