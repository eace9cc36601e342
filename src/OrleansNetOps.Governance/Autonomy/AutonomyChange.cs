namespace OrleansNetOps.Governance.Autonomy;

/// <summary>The result of a change to the autonomy state: the new state and what to audit.</summary>
/// <param name="State">The state after.</param>
/// <param name="Kind">The audit kind: <c>kill-switch</c>, <c>autonomy</c>, <c>demotion</c> or <c>outcome</c>.</param>
/// <param name="Message">For people and the audit.</param>
/// <param name="Demotion">Set when this change demoted a scope.</param>
public sealed record AutonomyChange(AutonomyState State, string Kind, string Message, AutonomyDemotion? Demotion = null);
