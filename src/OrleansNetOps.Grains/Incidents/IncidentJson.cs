using System.Text.Json.Nodes;
using OrleansNetOps.Grains.Coordination;

namespace OrleansNetOps.Grains.Incidents;

/// <summary>
/// API.md's incident shape: <c>{ id, title, severity, state, openedAt, routers, rootCause: { summary, confidence,
/// evidence }, actionIds }</c>, plus the latest <c>plan</c> (every candidate with its outcome — chosen, outranked or
/// blocked — tier, blast radius, score and violations) and <c>timeline</c> on the single-incident read.
/// </summary>
public static class IncidentJson
{
    /// <summary>The incident as the API returns it.</summary>
    public static JsonObject ToJson(IncidentRecord record, bool timeline)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = new JsonObject
        {
            ["id"] = record.Id,
            ["title"] = record.Title,
            ["severity"] = record.Severity,
            ["state"] = record.State,
            ["openedAt"] = record.OpenedAt.UtcDateTime,
            ["updatedAt"] = record.UpdatedAt.UtcDateTime,
            ["resolvedAt"] = record.ResolvedAt?.UtcDateTime,
            ["routers"] = new JsonArray([.. record.Routers.Select(r => (JsonNode)r)]),
            ["rootCause"] = new JsonObject
            {
                ["summary"] = record.RootCause,
                ["subject"] = record.RootCauseSubject,
                ["confidence"] = record.Confidence,
                ["fault"] = FaultName(record),
                ["evidence"] = new JsonArray([.. record.Evidence.Select(e => (JsonNode)new JsonObject
                {
                    ["findingId"] = e.FindingId,
                    ["kind"] = e.Kind,
                    ["router"] = e.Router,
                    ["at"] = e.At.UtcDateTime,
                    ["score"] = e.Score,
                    ["summary"] = e.Summary,
                })]),
            },
            ["actionIds"] = new JsonArray([.. record.ActionIds.Select(a => (JsonNode)a)]),
            ["acknowledgedBy"] = record.AcknowledgedBy,
            ["plan"] = new JsonArray([.. record.Plan.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["router"] = c.Router,
                ["action"] = c.Action,
                ["params"] = JsonNode.Parse(DecisionJson.Write(c.Parameters)),
                ["outcome"] = c.Outcome,
                ["tier"] = c.Tier,
                ["blast"] = c.Blast,
                ["score"] = c.Score,
                ["violations"] = new JsonArray([.. c.Violations.Select(v => (JsonNode)v)]),
                ["why"] = c.Why,
            })]),
        };
        if (timeline)
        {
            json["timeline"] = new JsonArray([.. record.Timeline.Select(t => (JsonNode)new JsonObject
            {
                ["at"] = t.At.UtcDateTime,
                ["kind"] = t.Kind,
                ["actor"] = t.Actor,
                ["text"] = t.Text,
            })]);
        }

        return json;
    }

    private static string FaultName(IncidentRecord record) =>
        System.Text.Json.JsonSerializer.Serialize(record.Fault.Kind).Trim('"');
}
