using System.Collections.Immutable;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>The outcome of mapping a catalogue action onto a router.</summary>
/// <param name="Policy">The new policy (the original when invalid or a session edit).</param>
/// <param name="Session">The session edit, for session actions.</param>
/// <param name="Errors">Parameter errors; when any, nothing was changed.</param>
/// <param name="Warnings">Caveats the twin should surface (e.g. an undefined route-map made the edit moot).</param>
public sealed record PolicyEditResult(RoutingPolicy Policy, SessionEdit? Session, ImmutableArray<ParameterError> Errors, ImmutableArray<string> Warnings)
{
    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Errors.IsEmpty;
}
