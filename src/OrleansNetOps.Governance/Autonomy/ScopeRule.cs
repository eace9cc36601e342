namespace OrleansNetOps.Governance.Autonomy;

/// <summary>A phase for every scope a (possibly wildcard) scope covers.</summary>
/// <param name="Scope">The scope, wildcards allowed.</param>
/// <param name="Phase">Its phase.</param>
public sealed record ScopeRule(AutonomyScope Scope, AutonomyPhase Phase);
