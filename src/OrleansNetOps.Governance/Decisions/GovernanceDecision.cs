using System.Collections.Immutable;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Risk;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Decisions;

/// <summary>Governance's verdict on a proposal, with every reason; a plain record a grain can persist and the API can show.</summary>
public sealed record GovernanceDecision
{
    /// <summary>The action.</summary>
    public required string ActionId { get; init; }

    /// <summary>The verdict.</summary>
    public required DecisionVerdict Verdict { get; init; }

    /// <summary>Every violation found, blocking or escalating.</summary>
    public ImmutableArray<Violation> Violations { get; init; } = [];

    /// <summary>The tier from blast radius, confidence and action alone ("tier before").</summary>
    public required Tier BaseTier { get; init; }

    /// <summary>The tier after escalation by violations ("tier after"); never below <see cref="BaseTier"/>.</summary>
    public required Tier Tier { get; init; }

    /// <summary>The blast radius used (0..1; 1 when unknown).</summary>
    public required double Blast { get; init; }

    /// <summary>The risk classification.</summary>
    public required RiskAssessment Risk { get; init; }

    /// <summary>The action's autonomy scope.</summary>
    public required AutonomyScope Scope { get; init; }

    /// <summary>The scope's phase, and where it came from.</summary>
    public required PhaseResolution Phase { get; init; }

    /// <summary>What the phase lets this tier do.</summary>
    public required TierMode Mode { get; init; }

    /// <summary>What is required before execution (<see cref="ApprovalRequirement.None"/> when blocked or automatic).</summary>
    public required ApprovalRequirement Approval { get; init; }

    /// <summary>The rate limits as they stand for this tier at decision time.</summary>
    public required RateLimitCheck RateLimit { get; init; }

    /// <summary>Why, step by step, for people and the audit.</summary>
    public ImmutableArray<string> Reasons { get; init; } = [];

    /// <summary>When the decision was made.</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>The guardrails it was made under (<see cref="Guardrails.GovernancePolicy.Fingerprint"/>).</summary>
    public required string PolicyFingerprint { get; init; }

    /// <summary>Set when <see cref="Verdict"/> is <see cref="DecisionVerdict.Deferred"/>.</summary>
    public DateTimeOffset? RetryAt => Verdict == DecisionVerdict.Deferred ? RateLimit.RetryAt : null;
}
