namespace OrleansNetOps.Governance.Autonomy;

/// <summary>The phase of a scope and where it came from.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Source">E.g. <c>demoted at …</c>, <c>operator rule edge/*/*</c>, <c>guardrails default</c>.</param>
public sealed record PhaseResolution(AutonomyPhase Phase, string Source);
