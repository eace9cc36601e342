using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Risk;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Decisions;

/// <summary>
/// The one entry point of governance: proposal in, verdict out. In order: violations (hard limits and configured
/// blocks make the plan <see cref="DecisionVerdict.Blocked"/>: no plan the twin fails or that crosses a hard limit is
/// ever executable), the tier from blast radius and confidence, escalated one step per escalating violation, the risk
/// level, the scope's autonomy phase and what it lets the tier do, the approvals required (the most any rule asks),
/// then — for a change that needs nobody — the kill switch and the rate limits.
/// </summary>
public static class GovernanceDecider
{
    /// <summary>Decides on a proposal.</summary>
    public static GovernanceDecision Decide(ProposedAction action, GovernanceContext context)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var policy = context.Policy;
        var reasons = new List<string>();

        var violations = ViolationFinder.Find(action, policy);
        var noAction = string.Equals(action.Action, "NO_ACTION", StringComparison.Ordinal);
        var blast = action.Twin?.Blast ?? (noAction ? 0 : 1);
        var baseTier = action.IsRunbook && !policy.Tiers.AlwaysT3.Contains(action.Action, StringComparer.Ordinal)
            ? action.DeclaredTier ?? Tier.T3
            : TierClassifier.Base(blast, action.Confidence, action.Action, policy.Tiers);
        reasons.Add(BaseReason(action, blast, baseTier, policy.Tiers));

        var escalating = violations.Where(v => v.Effect == ViolationEffect.Escalate).Select(v => v.Kind).Distinct().ToList();
        var tier = TierClassifier.Escalate(baseTier, escalating.Count);
        if (tier != baseTier)
        {
            reasons.Add($"escalated {baseTier} → {tier} by {string.Join(", ", escalating.Select(ViolationKinds.Name))}");
        }
        else if (escalating.Count > 0)
        {
            reasons.Add($"{string.Join(", ", escalating.Select(ViolationKinds.Name))} would escalate, but {tier} is already the highest tier");
        }

        var risk = RiskClassifier.Classify(
            new RiskInput(action.Action, action.Parameters?.Direction, blast, PrefixesOf(action), action.DataSensitivity, action.Compliance), policy.Risk);
        reasons.Add($"risk {Name(risk.Level)} (score {risk.Score}: {string.Join(", ", risk.Factors.Select(f => $"{f.Factor} {f.Level} {f.Points}"))})");

        var scope = new AutonomyScope(action.Domain, action.DeviceClass, policy.Autonomy.CategoryOf(action.Action));
        var phase = context.Autonomy.Resolve(scope, policy.Autonomy);
        var mode = policy.Autonomy.ModesOf(phase.Phase).For(tier);
        reasons.Add($"phase {Name(phase.Phase)} for {scope} ({phase.Source}): {tier} is {Name(mode)}");

        var rateLimit = RateLimiter.Check(context.RateLimits, tier, context.Now, policy.RateLimits);
        var blocking = violations.Where(v => v.Effect == ViolationEffect.Block).ToList();
        DecisionVerdict verdict;
        var approval = ApprovalRequirement.None;
        if (blocking.Count > 0)
        {
            verdict = DecisionVerdict.Blocked;
            reasons.Add($"BLOCKED: {string.Join("; ", blocking.Select(v => v.Message))}");
        }
        else
        {
            approval = Requirement(tier, mode, risk.Level, policy.Approval);
            if (approval.RequiredApprovals > 0)
            {
                verdict = DecisionVerdict.AwaitApproval;
                reasons.Add($"needs {approval.RequiredApprovals} approver(s) ({approval.GovernedBy}); after {Describe(approval.Timeout)} without them: {Name(approval.OnTimeout)}");
            }
            else if (context.Autonomy.KillSwitch)
            {
                verdict = DecisionVerdict.Halted;
                reasons.Add($"kill switch engaged by {context.Autonomy.KillSwitchBy}: autonomous steps halted");
            }
            else if (!rateLimit.Allowed)
            {
                verdict = DecisionVerdict.Deferred;
                reasons.Add($"rate limit: {rateLimit.Reason}; retry at {rateLimit.RetryAt:O}");
            }
            else
            {
                verdict = DecisionVerdict.AutoExecute;
                reasons.Add(approval.Notify ? "executes automatically; notify" : "executes automatically");
            }
        }

        return new GovernanceDecision
        {
            ActionId = action.ActionId,
            Verdict = verdict,
            Violations = [.. violations],
            BaseTier = baseTier,
            Tier = tier,
            Blast = blast,
            Risk = risk,
            Scope = scope,
            Phase = phase,
            Mode = mode,
            Approval = approval,
            RateLimit = rateLimit,
            Reasons = [.. reasons],
            DecidedAt = context.Now,
            PolicyFingerprint = policy.Fingerprint,
        };
    }

    /// <summary>
    /// What a tier in a mode and a risk level require together. In <see cref="TierMode.Auto"/> the tier asks for
    /// nobody; in <see cref="TierMode.Approve"/> a tier rule that would approve on timeout escalates instead.
    /// </summary>
    public static ApprovalRequirement Requirement(Tier tier, TierMode mode, RiskLevel risk, ApprovalPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rules = new List<(string, ApprovalRule)> { (Name(risk), policy.For(risk)) };
        if (mode != TierMode.Auto)
        {
            var rule = policy.For(tier);
            if (mode == TierMode.Approve && rule.OnTimeout == TimeoutOutcome.Approve)
            {
                rule = rule with { OnTimeout = TimeoutOutcome.Escalate };
            }

            rules.Add((tier.ToString(), rule with { Approvers = Math.Max(1, rule.Approvers) }));
        }

        return ApprovalRequirement.Combine(rules, policy.MaxEscalations);
    }

    private static string BaseReason(ProposedAction action, double blast, Tier tier, TierPolicy policy)
    {
        if (policy.AlwaysT3.Contains(action.Action, StringComparer.Ordinal))
        {
            return $"{action.Action} is always T3";
        }

        if (action.IsRunbook)
        {
            return action.DeclaredTier is { } declared
                ? $"a runbook changes no routing, so the twin cannot measure it: its fault mapping declares {declared}"
                : "a runbook without a declared tier (no fault mapping): T3";
        }

        var b = F(blast);
        var c = F(action.Confidence);
        return tier switch
        {
            Tier.T1 => $"blast radius {b} ≤ {F(policy.T1.MaxBlast)} and confidence {c} ≥ {F(policy.T1.MinConfidence)}: T1",
            Tier.T2 => $"blast radius {b} ≤ {F(policy.T2.MaxBlast)} and confidence {c} ≥ {F(policy.T2.MinConfidence)}, outside T1: T2",
            _ => action.Twin is null && !string.Equals(action.Action, "NO_ACTION", StringComparison.Ordinal)
                ? "no twin result, so the blast radius is taken as 1: T3"
                : $"blast radius {b} and confidence {c} fit neither T1 nor T2: T3",
        };
    }

    // What the change targets and what the twin saw move; unknown (every classification applies) when neither says.
    private static ImmutableArray<string>? PrefixesOf(ProposedAction action)
    {
        var listed = action.Parameters?.Prefixes is { IsDefaultOrEmpty: false } prefixes ? prefixes : (ImmutableArray<string>?)null;
        var moved = action.Twin?.ChangedPrefixes;
        return listed is { } l && moved is { } m ? l.Union(m, StringComparer.Ordinal).ToImmutableArray()
            : listed ?? moved;
    }

    private static string Name(RiskLevel level) => level.ToString().ToUpperInvariant();

    private static string Name(AutonomyPhase phase) => phase.ToString().ToLowerInvariant();

    private static string Name(TierMode mode) => mode.ToString().ToLowerInvariant();

    private static string Name(TimeoutOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0} h" : $"{span.TotalSeconds:0} s";
}
