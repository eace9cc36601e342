using System.Collections.Immutable;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>The outcome of <see cref="PolicyEdit.ForAll"/>: many catalogue actions on one router's policy.</summary>
/// <param name="Policy">The policy after every valid edit (the original when none is).</param>
/// <param name="Edits">Per edit, in order: its errors, warnings and session edit.</param>
public sealed record PolicyBatchResult(RoutingPolicy Policy, ImmutableArray<PolicyEditResult> Edits)
{
    /// <summary>True when no edit has errors.</summary>
    public bool IsValid => Edits.All(e => e.IsValid);
}
