namespace OrleansNetOps.Governance.Tiers;

/// <summary>One line of <c>tiers.violations</c>: what a configurable violation does.</summary>
/// <param name="Kind">The violation.</param>
/// <param name="Effect">Escalate or block.</param>
public sealed record ViolationRule(ViolationKind Kind, ViolationEffect Effect);
