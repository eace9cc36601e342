using System.Collections.Immutable;
using OrleansNetOps.Configuration;

namespace OrleansNetOps.Governance.Guardrails;

/// <summary>The result of a hot reload: the policy now in force and, when the new text was refused, why.</summary>
/// <param name="Policy">The new policy when accepted, else the one kept.</param>
/// <param name="Accepted">Whether the new text replaced the old policy.</param>
/// <param name="Errors">Every problem of the new text, positioned; empty when accepted.</param>
public sealed record GuardrailsReload(GovernancePolicy Policy, bool Accepted, ImmutableArray<ConfigError> Errors);
