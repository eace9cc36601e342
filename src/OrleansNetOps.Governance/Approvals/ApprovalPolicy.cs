using OrleansNetOps.Governance.Risk;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Approvals;

/// <summary>
/// The <c>approval</c> section: what each tier and each risk level asks for. A change needs the most approvers any of
/// its rules asks for; the timeout behaviour comes from the strictest of those rules (see
/// <see cref="ApprovalRequirement.Combine"/>).
/// </summary>
public sealed record ApprovalPolicy
{
    /// <summary>Used only when the autonomy phase asks a person to approve a T1 change (e.g. passive): the request lapses after an hour.</summary>
    public ApprovalRule T1 { get; init; } = new(1, TimeSpan.FromHours(1), TimeoutOutcome.Expire);

    /// <summary>SPEC §4: approve-or-timeout after 300 s.</summary>
    public ApprovalRule T2 { get; init; } = new(1, TimeSpan.FromSeconds(300), TimeoutOutcome.Approve);

    /// <summary>Manual: one approver; after 8 h the request escalates.</summary>
    public ApprovalRule T3 { get; init; } = new(1, TimeSpan.FromHours(8), TimeoutOutcome.Escalate);

    /// <summary>Seed 003: automatic, logged.</summary>
    public ApprovalRule Low { get; init; } = new(0, TimeSpan.Zero, TimeoutOutcome.Expire);

    /// <summary>Seed 003: automatic with a notification.</summary>
    public ApprovalRule Medium { get; init; } = new(0, TimeSpan.Zero, TimeoutOutcome.Expire, Notify: true);

    /// <summary>SPEC §4: one approver; timeout 4 h, then escalation.</summary>
    public ApprovalRule High { get; init; } = new(1, TimeSpan.FromHours(4), TimeoutOutcome.Escalate, Notify: true);

    /// <summary>SPEC §4: N distinct approvers (default 2); timeout 8 h, then escalation.</summary>
    public ApprovalRule Critical { get; init; } = new(2, TimeSpan.FromHours(8), TimeoutOutcome.Escalate, Notify: true);

    /// <summary>How many times a request escalates before it expires.</summary>
    public int MaxEscalations { get; init; } = 1;

    /// <summary>Emergency override.</summary>
    public EmergencyOverridePolicy EmergencyOverride { get; init; } = new();

    /// <summary>The rule of a tier.</summary>
    public ApprovalRule For(Tier tier) => tier switch
    {
        Tier.T1 => T1,
        Tier.T2 => T2,
        _ => T3,
    };

    /// <summary>The rule of a risk level.</summary>
    public ApprovalRule For(RiskLevel level) => level switch
    {
        RiskLevel.Low => Low,
        RiskLevel.Medium => Medium,
        RiskLevel.High => High,
        _ => Critical,
    };
}
