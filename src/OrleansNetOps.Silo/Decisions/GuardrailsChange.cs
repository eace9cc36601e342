using OrleansNetOps.Governance.Guardrails;

namespace OrleansNetOps.Silo.Decisions;

/// <summary>What one attempt to change the guardrails did.</summary>
/// <param name="Reload">The policy in force afterwards and, when the text was refused, why.</param>
/// <param name="Unchanged">The text was the policy already in force: nothing was read, applied or audited.</param>
public sealed record GuardrailsChange(GuardrailsReload Reload, bool Unchanged);
