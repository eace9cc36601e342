using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;

namespace OrleansNetOps.Governance.Tests.Properties;

/// <summary>Plays a generated history of answers, modifications, overrides and timeouts on an approval request.</summary>
internal static class Histories
{
    public const string Justification = "core link down, customers offline; approved by the duty manager by phone";

    public static IEnumerable<(ApprovalRequest Before, ApprovalTransition Transition)> Play(
        ApprovalRequest request, (Generators.Step Step, string Person, int Seconds)[] events, IReadOnlyList<GovernanceDecision> revisions, GovernancePolicy policy)
    {
        var now = request.OpenedAt;
        var revision = 0;
        foreach (var (step, person, seconds) in events)
        {
            now = now.AddSeconds(seconds);
            var before = request;
            var transition = step switch
            {
                Generators.Step.Approve => request.Approve(person, now),
                Generators.Step.Reject => request.Reject(person, now, "not now"),
                Generators.Step.Modify => request.Modify(person, now, revisions[revision % revisions.Count], $"params-{++revision}"),
                Generators.Step.Override => request.Override(person, now, Justification, policy.Approval.EmergencyOverride),
                _ => request.Timeout(now < request.Deadline ? request.Deadline : now, (AutoApproval)(seconds % 3)),
            };
            request = transition.Request;
            yield return (before, transition);
        }
    }
}
