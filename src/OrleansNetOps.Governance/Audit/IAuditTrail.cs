namespace OrleansNetOps.Governance.Audit;

/// <summary>
/// Where the audit chain is kept: append-only, in order, each entry linked to the one before by
/// <see cref="AuditChain"/>. Appends are serialised by the store so the chain never forks, even with several writers.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends <paramref name="record"/> after the current head and returns the stored entry.</summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Entries matching <paramref name="query"/>, in sequence order.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the whole chain as stored and verifies it (<see cref="AuditChain.Verify"/>).</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
