using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Autonomy;

/// <summary>
/// The <c>autonomy</c> section: the default phase, what each phase lets each tier do, the action categories, phases
/// per scope, and the bounds that demote a scope.
/// </summary>
public sealed record AutonomyPolicy
{
    /// <summary>The defaults: passive everywhere (the production default: recommend only).</summary>
    public static AutonomyPolicy Default { get; } = new();

    /// <summary>Phase of every scope no rule names.</summary>
    public AutonomyPhase DefaultPhase { get; init; } = AutonomyPhase.Passive;

    /// <summary>Passive: a person approves everything.</summary>
    public PhaseModes Passive { get; init; } = new(TierMode.Approve, TierMode.Approve, TierMode.Approve);

    /// <summary>Semi-autonomous: T1 runs on its own; T2 waits for a person.</summary>
    public PhaseModes Semi { get; init; } = new(TierMode.Auto, TierMode.Approve, TierMode.Approve);

    /// <summary>Autonomous: T1 runs on its own, T2 on timeout.</summary>
    public PhaseModes Autonomous { get; init; } = new(TierMode.Auto, TierMode.Timeout, TierMode.Approve);

    /// <summary>Action categories; every catalogue action is in exactly one.</summary>
    public ImmutableArray<ActionCategory> Categories { get; init; } =
    [
        new("path-preference", ["LOCAL_PREF_ADJUST", "MED_ADJUST", "AS_PATH_PREPEND", "COMMUNITY_TAG"]),
        new("forwarding", ["NEXT_HOP_CHANGE"]),
        new("session", ["PEER_ACTIVATE", "PEER_DEACTIVATE", "DEPEER"]),
        new("filtering", ["PREFIX_FILTER"]),
        new("failover", ["ISP_FAILOVER", "FULL_REROUTE"]),
        new("observe", ["NO_ACTION"]),
    ];

    /// <summary>Phases per scope.</summary>
    public ImmutableArray<ScopeRule> Scopes { get; init; } = [];

    /// <summary>When a scope is demoted.</summary>
    public DemotionBounds Demotion { get; init; } = new();

    /// <summary>The modes of a phase.</summary>
    public PhaseModes ModesOf(AutonomyPhase phase) => phase switch
    {
        AutonomyPhase.Passive => Passive,
        AutonomyPhase.Semi => Semi,
        _ => Autonomous,
    };

    /// <summary>The category of a catalogue action; <c>unknown</c> for a name no category lists.</summary>
    public string CategoryOf(string action) =>
        Categories.FirstOrDefault(c => c.Actions.Contains(action, StringComparer.Ordinal))?.Name ?? "unknown";
}
