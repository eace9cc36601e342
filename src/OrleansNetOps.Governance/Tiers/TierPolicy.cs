using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Tiers;

/// <summary>The <c>tiers</c> section: bounds of T1 and T2 (anything else is T3), the actions that are always T3, and what each configurable violation does.</summary>
public sealed record TierPolicy
{
    /// <summary>SPEC §4: blast ≤ 0.25 and confidence ≥ 0.80.</summary>
    public TierBounds T1 { get; init; } = new(0.25, 0.80);

    /// <summary>SPEC §4: blast ≤ 0.65 and confidence ≥ 0.60.</summary>
    public TierBounds T2 { get; init; } = new(0.65, 0.60);

    /// <summary>Catalogue actions that are T3 whatever their blast radius; always includes FULL_REROUTE and DEPEER.</summary>
    public ImmutableArray<string> AlwaysT3 { get; init; } = ["FULL_REROUTE", "DEPEER"];

    /// <summary>The effect of each configurable violation (all escalate by default); a kind not listed escalates.</summary>
    public ImmutableArray<ViolationRule> Violations { get; init; } = [.. ViolationKinds.Configurable.Select(k => new ViolationRule(k, ViolationEffect.Escalate))];

    /// <summary>The effect of a violation under this policy: hard limits always block.</summary>
    public ViolationEffect EffectOf(ViolationKind kind) =>
        ViolationKinds.IsHardLimit(kind)
            ? ViolationEffect.Block
            : Violations.FirstOrDefault(r => r.Kind == kind)?.Effect ?? ViolationEffect.Escalate;
}
