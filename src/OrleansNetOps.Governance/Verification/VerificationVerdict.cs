using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Verification;

/// <summary>What the SLA verifier concluded after a change.</summary>
/// <param name="RollBack">True when any rule fired: the change must be rolled back.</param>
/// <param name="Reasons">Each rule that fired, with the numbers.</param>
public sealed record VerificationVerdict(bool RollBack, ImmutableArray<string> Reasons);
