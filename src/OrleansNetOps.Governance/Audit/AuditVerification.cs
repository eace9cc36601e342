namespace OrleansNetOps.Governance.Audit;

/// <summary>The verifier's report (<c>GET /audit/verify</c>: <c>{ valid, entries, firstBrokenSeq? }</c>).</summary>
/// <param name="Valid">Every entry is intact and in place.</param>
/// <param name="Entries">How many entries were read.</param>
/// <param name="FirstBrokenSeq">The lowest sequence number that is not intact; every entry before it is.</param>
/// <param name="Problem">What is wrong there.</param>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstBrokenSeq, string? Problem);
