namespace OrleansNetOps.Governance.Audit;

/// <summary>The last entry of a chain: what the next entry links to, and an anchor against truncation.</summary>
/// <param name="Seq">Its sequence number (0 before the first entry).</param>
/// <param name="Hash">Its hash (<see cref="AuditChain.GenesisHash"/> before the first entry).</param>
public sealed record AuditHead(long Seq, string Hash)
{
    /// <summary>Before the first entry.</summary>
    public static AuditHead Genesis { get; } = new(0, AuditChain.GenesisHash);
}
