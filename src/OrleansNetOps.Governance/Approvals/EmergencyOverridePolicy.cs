namespace OrleansNetOps.Governance.Approvals;

/// <summary>
/// The <c>approval.emergencyOverride</c> section. An override lets one person (never an author of the change) grant a
/// pending request without the other approvers, with a written justification; the audit records it with enhanced
/// logging. It never unblocks a blocked plan.
/// </summary>
/// <param name="Enabled">Whether overrides are possible at all.</param>
/// <param name="MinJustificationLength">Shortest justification accepted, in characters.</param>
public sealed record EmergencyOverridePolicy(bool Enabled = true, int MinJustificationLength = 20);
