namespace OrleansNetOps.Runtime.Postgres.Tests.Storage;

/// <summary>A grain state shaped like the real ones: nested records, collections, enums, dates, decimals.</summary>
public sealed record RouterSnapshot(
    string Name,
    IReadOnlyList<PeerSnapshot> Peers,
    IReadOnlyDictionary<string, long> Counters,
    SessionPhase Phase,
    DateTimeOffset TakenAt,
    decimal MonthlyCost,
    double LossRatio,
    Guid Id,
    string? Note,
    byte[] ConfigDigest);

/// <summary>One BGP peer inside a <see cref="RouterSnapshot"/>.</summary>
public sealed record PeerSnapshot(string Address, long Asn, SessionPhase Phase, IReadOnlyList<string> Communities);

/// <summary>Serialized by name, so the stored JSON reads "established".</summary>
public enum SessionPhase
{
    Idle,
    Connect,
    Established,
}

/// <summary>The small state the racing tests fight over.</summary>
public sealed record WriterMark(string Writer, int Round);
