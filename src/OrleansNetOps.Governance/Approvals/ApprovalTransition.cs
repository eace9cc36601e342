namespace OrleansNetOps.Governance.Approvals;

/// <summary>The result of an event on an approval request.</summary>
/// <param name="Request">The request after the event (the same instance when refused or held).</param>
/// <param name="Event">What happened.</param>
/// <param name="Actor">Who caused it (<c>system</c> for timeouts).</param>
/// <param name="Message">For people and the audit.</param>
public sealed record ApprovalTransition(ApprovalRequest Request, ApprovalEvent Event, string Actor, string Message)
{
    /// <summary>Whether the request changed.</summary>
    public bool Changed => Event is not (ApprovalEvent.Refused or ApprovalEvent.Held);
}
