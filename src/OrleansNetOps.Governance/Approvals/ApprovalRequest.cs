using System.Collections.Immutable;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Risk;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Approvals;

/// <summary>
/// An approval request as a pure state machine: each event returns the next state and what happened, so a grain can
/// persist the state (plain JSON) before it acts on the event. Rules that no event can break: nobody who requested or
/// modified the change approves it; each approver counts once; a request grants only with the required number of
/// distinct approvers, an allowed timeout, or an emergency override; a modification resets the approvals and never
/// lowers what is required; a blocked plan never gets a request.
/// People are compared by name, trimmed and case-insensitively, so "Alice" cannot approve what "alice" requested.
/// </summary>
public sealed record ApprovalRequest
{
    /// <summary>The action it is for.</summary>
    public required string ActionId { get; init; }

    /// <summary>Who proposed the action (an operator, or an agent's identity).</summary>
    public required string Requester { get; init; }

    /// <summary>The requester and everyone who modified the plan: none of them may approve it.</summary>
    public required ImmutableArray<string> Authors { get; init; }

    /// <summary>The tier (never lower than at any earlier revision).</summary>
    public required Tier Tier { get; init; }

    /// <summary>The risk level (never lower than at any earlier revision).</summary>
    public required RiskLevel Risk { get; init; }

    /// <summary>What is required (never less than at any earlier revision).</summary>
    public required ApprovalRequirement Requirement { get; init; }

    /// <summary>When the request was opened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>When the current window closes; schedule the grain's reminder for it.</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>How many times it has escalated.</summary>
    public int EscalationLevel { get; init; }

    /// <summary>Plan revision: 0 when opened, +1 per modification.</summary>
    public int Revision { get; init; }

    /// <summary>The caller's fingerprint of the parameters of the current revision (e.g. a hash of their canonical JSON).</summary>
    public string ParametersFingerprint { get; init; } = string.Empty;

    /// <summary>Where it stands.</summary>
    public ApprovalStatus Status { get; init; } = ApprovalStatus.Pending;

    /// <summary>Every answer, every revision, in order.</summary>
    public ImmutableArray<ApprovalVote> Votes { get; init; } = [];

    /// <summary>Set by an emergency override: the audit must record the override with enhanced detail.</summary>
    public bool EnhancedLogging { get; init; }

    /// <summary>When it stopped being pending.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Whether the change may execute as far as approval goes.</summary>
    public bool IsGranted => Status is ApprovalStatus.Approved or ApprovalStatus.AutoApproved or ApprovalStatus.Overridden;

    /// <summary>Whether answers are still taken.</summary>
    public bool IsPending => Status == ApprovalStatus.Pending;

    /// <summary>Distinct people who approved the current revision.</summary>
    public ImmutableArray<string> Approvers =>
        Votes.Where(v => v.Revision == Revision && v.Verdict == ApprovalVerdict.Approve).Select(v => v.By).Distinct(People).ToImmutableArray();

    private static StringComparer People => StringComparer.OrdinalIgnoreCase;

    /// <summary>Opens a request for a decision that awaits approval.</summary>
    /// <param name="decision">The governance decision; its verdict must be <see cref="DecisionVerdict.AwaitApproval"/>.</param>
    /// <param name="requester">Who proposed the action.</param>
    /// <param name="parametersFingerprint">Identifies the parameters approved (see <see cref="ParametersFingerprint"/>).</param>
    /// <param name="now">Now.</param>
    /// <exception cref="ArgumentException">The decision is blocked or needs no approval.</exception>
    public static ApprovalRequest Open(GovernanceDecision decision, string requester, string parametersFingerprint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrWhiteSpace(requester);
        if (decision.Verdict != DecisionVerdict.AwaitApproval || decision.Approval.RequiredApprovals < 1)
        {
            throw new ArgumentException(
                decision.Verdict == DecisionVerdict.Blocked
                    ? $"action {decision.ActionId} is blocked; a blocked plan never gets an approval request"
                    : $"action {decision.ActionId} needs no approval ({decision.Verdict})",
                nameof(decision));
        }

        return new ApprovalRequest
        {
            ActionId = decision.ActionId,
            Requester = requester.Trim(),
            Authors = [requester.Trim()],
            Tier = decision.Tier,
            Risk = decision.Risk.Level,
            Requirement = decision.Approval,
            OpenedAt = now,
            Deadline = now + decision.Approval.Timeout,
            ParametersFingerprint = parametersFingerprint ?? string.Empty,
        };
    }

    /// <summary>Counts an approval.</summary>
    public ApprovalTransition Approve(string by, DateTimeOffset at, string? comment = null)
    {
        if (Refusal(by) is { } refused)
        {
            return refused;
        }

        var who = by.Trim();
        if (IsAuthor(who))
        {
            return Refuse(who, $"{who} requested or modified action {ActionId} and may not approve it (separation of duties)");
        }

        if (Approvers.Contains(who, People))
        {
            return Refuse(who, $"{who} has already approved revision {Revision} of action {ActionId}; each approver counts once");
        }

        var next = this with { Votes = Votes.Add(new ApprovalVote(who, ApprovalVerdict.Approve, at, comment, Revision)) };
        var count = next.Approvers.Length;
        if (count >= Requirement.RequiredApprovals)
        {
            return new ApprovalTransition(next with { Status = ApprovalStatus.Approved, ClosedAt = at }, ApprovalEvent.Approved, who,
                $"approved by {string.Join(", ", next.Approvers)} ({count} of {Requirement.RequiredApprovals})");
        }

        return new ApprovalTransition(next, ApprovalEvent.Voted, who, $"approval {count} of {Requirement.RequiredApprovals} from {who}");
    }

    /// <summary>Rejects the request; anyone may, including its requester (who thereby withdraws it).</summary>
    public ApprovalTransition Reject(string by, DateTimeOffset at, string? comment = null)
    {
        if (Refusal(by) is { } refused)
        {
            return refused;
        }

        var who = by.Trim();
        var next = this with
        {
            Votes = Votes.Add(new ApprovalVote(who, ApprovalVerdict.Reject, at, comment, Revision)),
            Status = ApprovalStatus.Rejected,
            ClosedAt = at,
        };
        return new ApprovalTransition(next, ApprovalEvent.Rejected, who, $"rejected by {who}" + (string.IsNullOrWhiteSpace(comment) ? string.Empty : $": {comment}"));
    }

    /// <summary>
    /// Replaces the plan's parameters. The caller re-runs the twin and <see cref="GovernanceDecider.Decide"/> on the new
    /// parameters and passes the result: a blocked plan closes the request; otherwise every approval given so far is
    /// void (it was given for other parameters), the modifier joins the authors (so may not approve), and tier, risk and
    /// requirement become the higher of the old and the new — a modification never makes a change easier to pass.
    /// </summary>
    public ApprovalTransition Modify(string by, DateTimeOffset at, GovernanceDecision revised, string parametersFingerprint, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(revised);
        if (!string.Equals(revised.ActionId, ActionId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the revised decision is for action {revised.ActionId}, not {ActionId}", nameof(revised));
        }

        if (Refusal(by) is { } refused)
        {
            return refused;
        }

        var who = by.Trim();
        if (string.Equals(parametersFingerprint, ParametersFingerprint, StringComparison.Ordinal))
        {
            return Refuse(who, "the parameters are unchanged; nothing to modify");
        }

        var authors = IsAuthor(who) ? Authors : Authors.Add(who);
        if (revised.Verdict == DecisionVerdict.Blocked)
        {
            var blocked = this with
            {
                Authors = authors,
                Revision = Revision + 1,
                ParametersFingerprint = parametersFingerprint,
                Status = ApprovalStatus.Blocked,
                ClosedAt = at,
            };
            return new ApprovalTransition(blocked, ApprovalEvent.Blocked, who,
                $"modified by {who} into a blocked plan: {string.Join("; ", revised.Violations.Where(v => v.Effect == ViolationEffect.Block).Select(v => v.Message))}");
        }

        var requirement = ApprovalRequirement.Tighten(Requirement, revised.Approval);
        var next = this with
        {
            Authors = authors,
            Tier = TierClassifier.Max(Tier, revised.Tier),
            Risk = revised.Risk.Level > Risk ? revised.Risk.Level : Risk,
            Requirement = requirement,
            Revision = Revision + 1,
            ParametersFingerprint = parametersFingerprint,
            Deadline = at + requirement.Timeout,
            EscalationLevel = 0,
        };
        var voided = Approvers.Length;
        return new ApprovalTransition(next, ApprovalEvent.Modified, who,
            $"parameters modified by {who}; {voided} approval(s) reset; needs {requirement.RequiredApprovals} approver(s) by {next.Deadline:O}"
            + (string.IsNullOrWhiteSpace(comment) ? string.Empty : $": {comment}"));
    }

    /// <summary>Grants the request at once in an emergency, with enhanced logging; never by an author of the change.</summary>
    public ApprovalTransition Override(string by, DateTimeOffset at, string justification, EmergencyOverridePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Refusal(by) is { } refused)
        {
            return refused;
        }

        var who = by.Trim();
        if (!policy.Enabled)
        {
            return Refuse(who, "emergency overrides are disabled (approval.emergencyOverride.enabled)");
        }

        if (IsAuthor(who))
        {
            return Refuse(who, $"{who} requested or modified action {ActionId} and may not override its approval (separation of duties)");
        }

        var reason = justification?.Trim() ?? string.Empty;
        if (reason.Length < policy.MinJustificationLength)
        {
            return Refuse(who, $"an emergency override needs a justification of at least {policy.MinJustificationLength} characters");
        }

        var next = this with
        {
            Votes = Votes.Add(new ApprovalVote(who, ApprovalVerdict.Override, at, reason, Revision)),
            Status = ApprovalStatus.Overridden,
            EnhancedLogging = true,
            ClosedAt = at,
        };
        return new ApprovalTransition(next, ApprovalEvent.Overridden, who,
            $"EMERGENCY OVERRIDE by {who} with {Approvers.Length} of {Requirement.RequiredApprovals} approvals: {reason}");
    }

    /// <summary>
    /// Closes the current window when <paramref name="now"/> has reached <see cref="Deadline"/>: applies the change
    /// (approve-on-timeout, when <paramref name="autoApproval"/> allows), escalates with a fresh window, or expires.
    /// With the kill switch engaged an approve-on-timeout holds (nothing changes); time it out again after release.
    /// When the phase no longer allows the automatic grant, the request escalates instead.
    /// </summary>
    public ApprovalTransition Timeout(DateTimeOffset now, AutoApproval autoApproval)
    {
        const string system = "system";
        if (!IsPending)
        {
            return Refuse(system, $"the request is {Status}, not pending");
        }

        if (now < Deadline)
        {
            return Refuse(system, $"the window closes at {Deadline:O}, not yet");
        }

        switch (Requirement.OnTimeout)
        {
            case TimeoutOutcome.Approve when autoApproval == AutoApproval.Allowed:
                return new ApprovalTransition(this with { Status = ApprovalStatus.AutoApproved, ClosedAt = now }, ApprovalEvent.AutoApproved, system,
                    $"no answer within {Requirement.Timeout.TotalSeconds:0} s: applied automatically ({Requirement.GovernedBy} approve-or-timeout)");
            case TimeoutOutcome.Approve when autoApproval == AutoApproval.Halted:
                return new ApprovalTransition(this, ApprovalEvent.Held, system, "the window closed while the kill switch is engaged: held until it is released");
            case TimeoutOutcome.Approve:
            case TimeoutOutcome.Escalate:
                if (EscalationLevel < Requirement.MaxEscalations)
                {
                    var escalated = this with { EscalationLevel = EscalationLevel + 1, Deadline = now + Requirement.Timeout };
                    return new ApprovalTransition(escalated, ApprovalEvent.Escalated, system,
                        $"no decision within the window: escalated to level {escalated.EscalationLevel}, next deadline {escalated.Deadline:O}"
                        + (Requirement.OnTimeout == TimeoutOutcome.Approve ? " (the autonomy phase no longer applies changes on timeout)" : string.Empty));
                }

                goto default;
            default:
                return new ApprovalTransition(this with { Status = ApprovalStatus.Expired, ClosedAt = now }, ApprovalEvent.Expired, system,
                    $"expired with {Approvers.Length} of {Requirement.RequiredApprovals} approvals after {EscalationLevel} escalation(s)");
        }
    }

    private bool IsAuthor(string who) => Authors.Contains(who, People);

    private ApprovalTransition? Refusal(string by)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            return Refuse("anonymous", "an answer needs a name");
        }

        return IsPending ? null : Refuse(by.Trim(), $"the request is {Status}, not pending");
    }

    private ApprovalTransition Refuse(string who, string message) => new(this, ApprovalEvent.Refused, who, message);
}
