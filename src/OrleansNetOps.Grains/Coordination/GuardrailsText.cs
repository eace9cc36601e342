namespace OrleansNetOps.Grains.Coordination;

/// <summary>
/// The guardrails a domain's coordinator holds: the accepted text and its version. Grains pass this, not the parsed
/// policy, so that every silo reads the same bytes; <see cref="GuardrailsSource"/> parses it once per fingerprint.
/// </summary>
/// <param name="Version">Accepted changes so far; 0 before the first (the silo's baseline is in force).</param>
/// <param name="Fingerprint">SHA-256 of the text (lower-case hex), or the baseline's fingerprint at version 0.</param>
/// <param name="Yaml">The accepted text; null at version 0.</param>
[GenerateSerializer, Immutable]
public sealed record GuardrailsText(long Version, string Fingerprint, string? Yaml);
