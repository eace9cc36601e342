using System.Collections.Immutable;
using OrleansNetOps.Governance.Audit;

namespace OrleansNetOps.Grains.Audit;

/// <summary>The audit chain in this process's memory (the embedded default, <c>storage.kind: memory</c>).</summary>
public sealed class MemoryAuditTrail : IAuditTrail
{
    private readonly Lock _gate = new();
    private ImmutableList<AuditEntry> _entries = [];

    /// <inheritdoc />
    public Task<AuditEntry> AppendAsync(AuditRecord record, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var entry = AuditChain.Append(_entries.IsEmpty ? AuditHead.Genesis : _entries[^1].Head, record, at);
            _entries = _entries.Add(entry);
            return Task.FromResult(entry);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matching = _entries.Where(query.Matches).ToList();
        return Task.FromResult<IReadOnlyList<AuditEntry>>(matching.Skip(Math.Max(0, matching.Count - query.Limit)).ToList());
    }

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) => Task.FromResult(AuditChain.Verify(_entries));
}
