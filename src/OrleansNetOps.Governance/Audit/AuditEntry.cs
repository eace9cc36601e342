namespace OrleansNetOps.Governance.Audit;

/// <summary>One record of the audit trail, as the API returns it (<c>GET /audit</c>) and as it is stored.</summary>
/// <param name="Seq">Position in the chain, from 1, without gaps.</param>
/// <param name="At">When (UTC, whole microseconds so PostgreSQL's timestamptz keeps it exactly).</param>
/// <param name="Actor">Who: an agent's identity (<c>resolver/act-42</c>, <c>system</c>) or a person's name.</param>
/// <param name="Kind">What sort of record (<c>decision</c>, <c>approval</c>, <c>override</c>, <c>execution</c>, <c>validation</c>, <c>rollback</c>, <c>autonomy</c>, <c>kill-switch</c>, <c>demotion</c>, <c>policy</c>).</param>
/// <param name="ActionId">The action it is about, if any.</param>
/// <param name="Decision">The outcome in one word (<c>BLOCKED</c>, <c>AUTO_EXECUTE</c>, <c>APPROVED</c>, <c>ROLLED_BACK</c>…).</param>
/// <param name="Detail">A JSON object (canonical text) with the structured detail (see <see cref="AuditRecords"/>).</param>
/// <param name="Hash">SHA-256 (lowercase hex) of the entry's canonical form, which includes <paramref name="PrevHash"/>.</param>
/// <param name="PrevHash">The previous entry's hash; <see cref="AuditChain.GenesisHash"/> for the first.</param>
public sealed record AuditEntry(long Seq, DateTimeOffset At, string Actor, string Kind, string? ActionId, string Decision, string Detail, string Hash, string PrevHash)
{
    /// <summary>This entry as the head of its chain.</summary>
    public AuditHead Head => new(Seq, Hash);
}
