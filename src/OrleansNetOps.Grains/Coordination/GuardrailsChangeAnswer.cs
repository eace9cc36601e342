using System.Collections.Immutable;

namespace OrleansNetOps.Grains.Coordination;

/// <summary>What one attempt to change a domain's guardrails did.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Current">The guardrails in force afterwards.</param>
/// <param name="Errors">Every problem of a refused text, positioned (<c>file:line:col: field: problem</c>); empty otherwise.</param>
[GenerateSerializer, Immutable]
public sealed record GuardrailsChangeAnswer(GuardrailsChangeOutcome Outcome, GuardrailsText Current, ImmutableArray<string> Errors);
