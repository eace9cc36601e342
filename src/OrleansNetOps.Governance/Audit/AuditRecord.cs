using System.Text.Json.Nodes;

namespace OrleansNetOps.Governance.Audit;

/// <summary>What to append: an entry before it has a place in the chain.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Kind">What sort of record.</param>
/// <param name="ActionId">The action, if any.</param>
/// <param name="Decision">The outcome in one word.</param>
/// <param name="Detail">A JSON object's text.</param>
public sealed record AuditRecord(string Actor, string Kind, string? ActionId, string Decision, string Detail)
{
    /// <summary>A record with a structured detail.</summary>
    public static AuditRecord Create(string actor, string kind, string? actionId, string decision, JsonObject detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return new AuditRecord(actor, kind, actionId, decision, CanonicalJson.Canonicalize(detail.ToJsonString()));
    }
}
