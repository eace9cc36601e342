namespace OrleansNetOps.Grains.Coordination;

/// <summary>An attempt to change a domain's guardrails.</summary>
/// <param name="Text">The guardrails text (YAML, or JSON of the same shape).</param>
/// <param name="SourceName">Named in every positioned error (the file's name, or the request).</param>
/// <param name="Actor">Who: the API key's name, or <c>file:guardrails.yaml</c>.</param>
/// <param name="Origin">Where it comes from.</param>
[GenerateSerializer, Immutable]
public sealed record GuardrailsChangeRequest(string Text, string SourceName, string Actor, GuardrailsOrigin Origin);
