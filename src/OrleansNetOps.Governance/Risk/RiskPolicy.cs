using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Risk;

/// <summary>
/// The <c>risk</c> section: seed 003's matrix for network changes. Each factor's level scores points; the sum picks
/// LOW, MEDIUM, HIGH or CRITICAL through <see cref="Levels"/>.
/// </summary>
public sealed record RiskPolicy
{
    /// <summary>The defaults (seed 003's points, network scopes, every catalogue action's reversibility).</summary>
    public static RiskPolicy Default { get; } = new();

    /// <summary>Score thresholds.</summary>
    public RiskThresholds Levels { get; init; } = new(3, 7, 12);

    /// <summary>How completely a change can be undone.</summary>
    public RiskFactorTable Reversibility { get; init; } = Table("partially_reversible", ("fully_reversible", 0), ("partially_reversible", 2), ("irreversible", 5));

    /// <summary>Reversibility level of each catalogue action; an action not listed takes the table's default.</summary>
    public ImmutableSortedDictionary<string, string> ReversibilityByAction { get; init; } = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
        new KeyValuePair<string, string>("LOCAL_PREF_ADJUST", "fully_reversible"),
        new KeyValuePair<string, string>("MED_ADJUST", "fully_reversible"),
        new KeyValuePair<string, string>("COMMUNITY_TAG", "fully_reversible"),
        new KeyValuePair<string, string>("AS_PATH_PREPEND", "fully_reversible"),
        new KeyValuePair<string, string>("NEXT_HOP_CHANGE", "fully_reversible"),
        new KeyValuePair<string, string>("PEER_ACTIVATE", "fully_reversible"),
        new KeyValuePair<string, string>("PEER_DEACTIVATE", "partially_reversible"),
        new KeyValuePair<string, string>("PREFIX_FILTER", "fully_reversible"),
        new KeyValuePair<string, string>("ISP_FAILOVER", "partially_reversible"),
        new KeyValuePair<string, string>("FULL_REROUTE", "partially_reversible"),
        new KeyValuePair<string, string>("DEPEER", "irreversible"),
        new KeyValuePair<string, string>("NO_ACTION", "fully_reversible"),
    ]);

    /// <summary>Scope levels by blast radius, in increasing order of <see cref="ScopeBand.UpTo"/>; the last covers 1.</summary>
    public ImmutableArray<ScopeBand> Scope { get; init; } =
    [
        new("single", 0.01, 0),
        new("limited", 0.10, 1),
        new("broad", 0.40, 2),
        new("network", 1.0, 4),
    ];

    /// <summary>Points of the <c>external</c> scope: the change alters what another AS receives from us.</summary>
    public int ExternalScopePoints { get; init; } = 5;

    /// <summary>Actions whose scope is external whatever their direction (besides any action with <c>direction: out</c>).</summary>
    public ImmutableArray<string> ExternalActions { get; init; } = ["PEER_DEACTIVATE", "ISP_FAILOVER", "FULL_REROUTE", "DEPEER"];

    /// <summary>Sensitivity of the data the affected traffic carries.</summary>
    public RiskFactorTable DataSensitivity { get; init; } = Table("internal", ("public", 0), ("internal", 1), ("confidential", 3), ("restricted", 5));

    /// <summary>Compliance impact of touching the affected traffic.</summary>
    public RiskFactorTable Compliance { get; init; } = Table("audit_logged", ("none", 0), ("audit_logged", 1), ("regulated", 3), ("critical_compliance", 5));

    /// <summary>Prefixes whose traffic is more sensitive or regulated than the defaults.</summary>
    public ImmutableArray<PrefixClassification> Prefixes { get; init; } = [];

    private static RiskFactorTable Table(string fallback, params (string Level, int Points)[] levels) =>
        new(levels.ToImmutableSortedDictionary(l => l.Level, l => l.Points, StringComparer.Ordinal), fallback);
}
