namespace OrleansNetOps.Governance.Audit;

/// <summary>A filter over the audit trail (<c>GET /api/v1/audit?from=&amp;to=&amp;actionId=&amp;limit=</c>).</summary>
/// <param name="From">Entries at or after, if set.</param>
/// <param name="To">Entries at or before, if set.</param>
/// <param name="ActionId">Only this action's entries, if set.</param>
/// <param name="Limit">At most this many: the newest that match, returned oldest first.</param>
public sealed record AuditQuery(DateTimeOffset? From, DateTimeOffset? To, string? ActionId, int Limit)
{
    /// <summary>Whether an entry matches the filter (the limit aside).</summary>
    public bool Matches(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (From is null || entry.At >= From) && (To is null || entry.At <= To)
            && (ActionId is null || string.Equals(entry.ActionId, ActionId, StringComparison.Ordinal));
    }
}
