using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Risk;
using OrleansNetOps.Governance.Tiers;
using OrleansNetOps.Governance.Verification;
using OrleansNetOps.Twin.Guardrails;

namespace OrleansNetOps.Governance.Guardrails;

/// <summary>
/// <c>guardrails.yaml</c> version 2, whole: the attribute limits and SLA of version 1, plus the SLA verifier's rollback
/// rules, the analysts' floors, tiers, rate limits, the risk matrix, approval rules and autonomy. Every part defaults
/// to SPEC §4 (and §3 for the floors and rollback rules); <see cref="GuardrailsReader"/> reads it.
/// </summary>
public sealed record GovernancePolicy
{
    /// <summary>SPEC defaults (what an empty file gives).</summary>
    public static GovernancePolicy Default { get; } = new();

    /// <summary>LOCAL_PREF and MED ranges, protected communities.</summary>
    public RouteLimits Limits { get; init; } = new();

    /// <summary>The twin's SLA and fail limit.</summary>
    public SlaLimits Sla { get; init; } = new();

    /// <summary>When the SLA verifier rolls back.</summary>
    public VerificationRules Verification { get; init; } = new();

    /// <summary>The analysts' fixed floors.</summary>
    public AnalystFloors Floors { get; init; } = new();

    /// <summary>Tier bounds and violation effects.</summary>
    public TierPolicy Tiers { get; init; } = new();

    /// <summary>Changes per rolling window.</summary>
    public RateLimitPolicy RateLimits { get; init; } = new();

    /// <summary>The risk matrix.</summary>
    public RiskPolicy Risk { get; init; } = RiskPolicy.Default;

    /// <summary>Approval rules.</summary>
    public ApprovalPolicy Approval { get; init; } = new();

    /// <summary>Autonomy phases.</summary>
    public AutonomyPolicy Autonomy { get; init; } = AutonomyPolicy.Default;

    /// <summary>SHA-256 (hex) of the text it was read from, or <c>default</c>; decisions and audit records name it.</summary>
    public string Fingerprint { get; init; } = "default";

    /// <summary>The limits the twin checks a what-if against, from this document.</summary>
    public TwinGuardrails ToTwinGuardrails() => new()
    {
        LocalPrefMin = (uint)Limits.LocalPrefMin,
        LocalPrefMax = (uint)Limits.LocalPrefMax,
        MedMin = (uint)Limits.MedMin,
        MedMax = (uint)Limits.MedMax,
        ProtectedCommunities = Limits.ProtectedCommunities,
        SlaLatencyMs = Sla.LatencyMs,
        SlaLossPct = Sla.LossPct,
        FailLossPct = Sla.FailLossPct,
    };
}
