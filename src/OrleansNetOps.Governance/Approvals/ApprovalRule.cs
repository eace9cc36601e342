namespace OrleansNetOps.Governance.Approvals;

/// <summary>How a tier or risk level wants to be approved.</summary>
/// <param name="Approvers">Distinct approvers needed (0: none).</param>
/// <param name="Timeout">How long the request waits for them.</param>
/// <param name="OnTimeout">What happens then.</param>
/// <param name="Notify">Tell people even when no approval is needed (seed 003's MEDIUM).</param>
public sealed record ApprovalRule(int Approvers, TimeSpan Timeout, TimeoutOutcome OnTimeout, bool Notify = false);
