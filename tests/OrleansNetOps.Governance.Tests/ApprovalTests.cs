using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Tests;

public sealed class ApprovalTests
{
    private static readonly EmergencyOverridePolicy Emergency = GovernancePolicy.Default.Approval.EmergencyOverride;

    private static ApprovalRequest T2Request() =>
        ApprovalRequest.Open(GovernanceDecider.Decide(Plans.LocalPref(blast: 0.3, confidence: 0.7), Plans.Context(Plans.Autonomous())), "agent:resolver", "p0", Plans.Noon);

    private static ApprovalRequest CriticalRequest(string requester = "alice") =>
        ApprovalRequest.Open(GovernanceDecider.Decide(Plans.CriticalDepeer(requester), Plans.Context(Plans.Autonomous())), requester, "p0", Plans.Noon);

    [Fact]
    public void T2_is_applied_when_300_seconds_pass_without_an_answer()
    {
        var request = T2Request();
        Assert.Equal(Plans.Noon.AddSeconds(300), request.Deadline);
        Assert.Equal(ApprovalEvent.Refused, request.Timeout(Plans.Noon.AddSeconds(299), AutoApproval.Allowed).Event);

        var applied = request.Timeout(Plans.Noon.AddSeconds(300), AutoApproval.Allowed);
        Assert.Equal(ApprovalEvent.AutoApproved, applied.Event);
        Assert.Equal("system", applied.Actor);
        Assert.True(applied.Request.IsGranted);
        Assert.Equal(ApprovalEvent.Refused, applied.Request.Timeout(Plans.Noon.AddSeconds(600), AutoApproval.Allowed).Event);
    }

    [Fact]
    public void With_the_kill_switch_a_timeout_holds_and_a_demoted_scope_escalates_instead_of_applying()
    {
        var request = T2Request();
        var held = request.Timeout(Plans.Noon.AddSeconds(301), AutoApproval.Halted);
        Assert.Equal(ApprovalEvent.Held, held.Event);
        Assert.Same(request, held.Request);

        var escalated = request.Timeout(Plans.Noon.AddSeconds(301), AutoApproval.Withdrawn);
        Assert.Equal(ApprovalEvent.Escalated, escalated.Event);
        Assert.Equal(Plans.Noon.AddSeconds(601), escalated.Request.Deadline);
        Assert.Equal(ApprovalEvent.Expired, escalated.Request.Timeout(Plans.Noon.AddSeconds(601), AutoApproval.Withdrawn).Event);
    }

    [Fact]
    public void A_high_risk_request_escalates_after_4_hours_then_expires()
    {
        var decision = GovernanceDecider.Decide(Plans.LocalPref(blast: 0.05) with { Action = "PEER_DEACTIVATE", Parameters = new() { Peer = "ISP-A" } }, Plans.Context(Plans.Autonomous()));
        var request = ApprovalRequest.Open(decision, "alice", "p0", Plans.Noon);
        Assert.Equal(Plans.Noon.AddHours(4), request.Deadline);
        var escalated = request.Timeout(Plans.Noon.AddHours(4), AutoApproval.Allowed);
        Assert.Equal((ApprovalEvent.Escalated, 1), (escalated.Event, escalated.Request.EscalationLevel));
        Assert.Equal(Plans.Noon.AddHours(8), escalated.Request.Deadline);
        var approved = escalated.Request.Approve("bob", Plans.Noon.AddHours(5));
        Assert.Equal(ApprovalEvent.Approved, approved.Event);

        var expired = escalated.Request.Timeout(Plans.Noon.AddHours(8), AutoApproval.Allowed);
        Assert.Equal(ApprovalStatus.Expired, expired.Request.Status);
        Assert.False(expired.Request.IsGranted);
    }

    [Fact]
    public void A_critical_request_needs_two_distinct_approvers_none_of_them_its_requester()
    {
        var request = CriticalRequest();
        Assert.Equal(2, request.Requirement.RequiredApprovals);

        var self = request.Approve(" Alice ", Plans.Noon);
        Assert.Equal(ApprovalEvent.Refused, self.Event);
        Assert.Equal("alice requested or modified action act-9 and may not approve it (separation of duties)", self.Message.Replace("Alice", "alice", StringComparison.Ordinal));

        var first = request.Approve("bob", Plans.Noon.AddMinutes(1));
        Assert.Equal(ApprovalEvent.Voted, first.Event);
        Assert.Equal("approval 1 of 2 from bob", first.Message);
        Assert.Equal(ApprovalEvent.Refused, first.Request.Approve("BOB", Plans.Noon.AddMinutes(2)).Event);

        var second = first.Request.Approve("carol", Plans.Noon.AddMinutes(3));
        Assert.Equal(ApprovalEvent.Approved, second.Event);
        Assert.Equal(["bob", "carol"], second.Request.Approvers.ToArray());
        Assert.Equal(ApprovalEvent.Refused, second.Request.Approve("dave", Plans.Noon.AddMinutes(4)).Event);
    }

    [Fact]
    public void Modifying_the_parameters_voids_the_approvals_and_the_modifier_may_not_approve()
    {
        var request = CriticalRequest().Approve("bob", Plans.Noon).Request;
        Assert.Single(request.Approvers);
        var revised = GovernanceDecider.Decide(Plans.CriticalDepeer() with { Parameters = new() { Peer = "ISP-B" } }, Plans.Context(Plans.Autonomous()));

        Assert.Equal(ApprovalEvent.Refused, request.Modify("carol", Plans.Noon, revised, "p0").Event);
        var modified = request.Modify("carol", Plans.Noon.AddMinutes(10), revised, "p1", "use ISP-B");
        Assert.Equal(ApprovalEvent.Modified, modified.Event);
        Assert.StartsWith("parameters modified by carol; 1 approval(s) reset; needs 2 approver(s)", modified.Message, StringComparison.Ordinal);
        Assert.Empty(modified.Request.Approvers);
        Assert.Equal(1, modified.Request.Revision);
        Assert.Equal(Plans.Noon.AddMinutes(10).AddHours(8), modified.Request.Deadline);
        Assert.Equal(ApprovalEvent.Refused, modified.Request.Approve("carol", Plans.Noon.AddMinutes(11)).Event);
        Assert.Equal(new ApprovalVote("bob", ApprovalVerdict.Approve, Plans.Noon, null, 0), Assert.Single(modified.Request.Votes)); // stays on record

        // A smaller plan keeps what the larger one needed.
        var t1 = GovernanceDecider.Decide(Plans.LocalPref() with { ActionId = "act-9" }, Plans.Context(Plans.Autonomous()));
        var smaller = modified.Request.Modify("dave", Plans.Noon.AddMinutes(12), t1, "p2").Request;
        Assert.Equal((Tier.T3, 2), (smaller.Tier, smaller.Requirement.RequiredApprovals));

        var blocked = GovernanceDecider.Decide(Plans.LocalPref(localPref: 1000) with { ActionId = "act-9" }, Plans.Context(Plans.Autonomous()));
        var closed = smaller.Modify("erin", Plans.Noon.AddMinutes(13), blocked, "p3");
        Assert.Equal((ApprovalEvent.Blocked, ApprovalStatus.Blocked), (closed.Event, closed.Request.Status));
    }

    [Fact]
    public void An_emergency_override_grants_alone_with_enhanced_logging_but_never_for_an_author_or_without_a_reason()
    {
        var request = CriticalRequest();
        Assert.Equal(ApprovalEvent.Refused, request.Override("alice", Plans.Noon, "customers down, must act now, approved by phone", Emergency).Event);
        Assert.Equal(ApprovalEvent.Refused, request.Override("bob", Plans.Noon, "urgent", Emergency).Event);
        Assert.Equal(ApprovalEvent.Refused, request.Override("bob", Plans.Noon, "customers down, must act now", Emergency with { Enabled = false }).Event);

        var overridden = request.Override("bob", Plans.Noon, "customers down, must act now", Emergency);
        Assert.Equal(ApprovalEvent.Overridden, overridden.Event);
        Assert.True(overridden.Request.EnhancedLogging);
        Assert.Equal(ApprovalStatus.Overridden, overridden.Request.Status);
        Assert.StartsWith("EMERGENCY OVERRIDE by bob with 0 of 2 approvals", overridden.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_rejection_closes_the_request_and_blocked_or_automatic_decisions_get_none()
    {
        var rejected = T2Request().Reject("bob", Plans.Noon, "not during the maintenance window");
        Assert.Equal(ApprovalStatus.Rejected, rejected.Request.Status);
        Assert.Equal("rejected by bob: not during the maintenance window", rejected.Message);
        Assert.Equal(ApprovalEvent.Refused, rejected.Request.Approve("carol", Plans.Noon).Event);

        var blocked = GovernanceDecider.Decide(Plans.LocalPref(localPref: 999), Plans.Context());
        Assert.Contains("blocked", Assert.Throws<ArgumentException>(() => ApprovalRequest.Open(blocked, "alice", "p", Plans.Noon)).Message, StringComparison.Ordinal);
        var automatic = GovernanceDecider.Decide(Plans.LocalPref(), Plans.Context(Plans.Autonomous()));
        Assert.Throws<ArgumentException>(() => ApprovalRequest.Open(automatic, "alice", "p", Plans.Noon));
    }
}
