using System.Text.Json.Nodes;
using OrleansNetOps.Governance.Audit;

namespace OrleansNetOps.Grains.Audit;

/// <summary>An audit entry in the API's shape (<c>{ seq, at, actor, kind, actionId?, decision, detail, hash, prevHash }</c>).</summary>
public static class AuditEntryJson
{
    /// <summary>The entry as a JSON object; <c>detail</c> is the object itself, not its text.</summary>
    public static JsonObject ToJson(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new JsonObject
        {
            ["seq"] = entry.Seq,
            ["at"] = entry.At.UtcDateTime,
            ["actor"] = entry.Actor,
            ["kind"] = entry.Kind,
            ["actionId"] = entry.ActionId,
            ["decision"] = entry.Decision,
            ["detail"] = JsonNode.Parse(entry.Detail),
            ["hash"] = entry.Hash,
            ["prevHash"] = entry.PrevHash,
        };
    }
}
