namespace OrleansNetOps.Governance.Approvals;

/// <summary>One answer, as the API lists it (<c>approvals: [{ by, verdict, at, comment }]</c>).</summary>
/// <param name="By">Who answered.</param>
/// <param name="Verdict">The answer.</param>
/// <param name="At">When.</param>
/// <param name="Comment">Why, in their words.</param>
/// <param name="Revision">The plan revision it was given for (a modification starts a new revision).</param>
public sealed record ApprovalVote(string By, ApprovalVerdict Verdict, DateTimeOffset At, string? Comment, int Revision);
