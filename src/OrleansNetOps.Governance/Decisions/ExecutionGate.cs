using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Decisions;

/// <summary>
/// The last check before a side effect (the execute step), evaluated at that moment with the state of that moment:
/// a blocked decision never passes; a change that needed approval passes only with a granted request for the same
/// action; an automatic change passes only while its scope's phase still runs it on its own; while the kill switch is
/// engaged nothing passes except an emergency override; and a change passes only when its rate-limit slot is free,
/// which it then takes. An action that already holds a slot (a resumed workflow) passes without taking another.
/// </summary>
public static class ExecutionGate
{
    /// <summary>Evaluates the gate.</summary>
    /// <param name="decision">The latest decision on the action.</param>
    /// <param name="request">Its approval request, if it needed one.</param>
    /// <param name="context">Policy, autonomy, rate limits and time, as they are now.</param>
    public static GateResult Evaluate(GovernanceDecision decision, ApprovalRequest? request, GovernanceContext context)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(context);
        var rate = context.RateLimits;
        if (decision.Verdict == DecisionVerdict.Blocked)
        {
            return new GateResult(GateOutcome.Refuse, "the plan is blocked: " + string.Join("; ",
                decision.Violations.Where(v => v.Effect == ViolationEffect.Block).Select(v => v.Message)), null, rate);
        }

        var tier = decision.Tier;
        if (request is null)
        {
            if (decision.Approval.RequiredApprovals > 0)
            {
                return new GateResult(GateOutcome.Refuse, $"needs {decision.Approval.RequiredApprovals} approval(s) and has no request", null, rate);
            }

            var mode = context.Autonomy.ModeFor(decision.Scope, tier, context.Policy.Autonomy);
            if (mode != TierMode.Auto)
            {
                return new GateResult(GateOutcome.Refuse,
                    $"{decision.Scope} no longer runs {tier} changes on its own ({mode}); decide again", null, rate);
            }

            if (context.Autonomy.KillSwitch)
            {
                return new GateResult(GateOutcome.Wait, "kill switch engaged: autonomous steps halted", null, rate);
            }
        }
        else
        {
            if (!string.Equals(request.ActionId, decision.ActionId, StringComparison.Ordinal))
            {
                return new GateResult(GateOutcome.Refuse, $"the approval request is for action {request.ActionId}, not {decision.ActionId}", null, rate);
            }

            if (request.IsPending)
            {
                return new GateResult(GateOutcome.Wait, $"awaiting approval ({request.Approvers.Length} of {request.Requirement.RequiredApprovals})", null, rate);
            }

            if (!request.IsGranted)
            {
                return new GateResult(GateOutcome.Refuse, $"the approval request is {request.Status}", null, rate);
            }

            if (request.Requirement.RequiredApprovals < decision.Approval.RequiredApprovals)
            {
                return new GateResult(GateOutcome.Refuse, "the request was granted under a smaller requirement than the latest decision asks; decide again", null, rate);
            }

            if (context.Autonomy.KillSwitch && request.Status != ApprovalStatus.Overridden)
            {
                return new GateResult(GateOutcome.Wait, "kill switch engaged: execution halted (only an emergency override passes)", null, rate);
            }

            tier = TierClassifier.Max(tier, request.Tier);
        }

        if (rate.Entries.Any(e => string.Equals(e.ActionId, decision.ActionId, StringComparison.Ordinal)))
        {
            return new GateResult(GateOutcome.Proceed, "already let through (resumed)", null, rate);
        }

        var (check, next) = RateLimiter.TryAcquire(rate, tier, decision.ActionId, context.Now, context.Policy.RateLimits);
        return check.Allowed
            ? new GateResult(GateOutcome.Proceed, request is null ? "automatic" : $"approval {request.Status}", null, next)
            : new GateResult(GateOutcome.Wait, $"rate limit: {check.Reason}", check.RetryAt, rate);
    }
}
