using System.Text.Json;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Tests;

/// <summary>Grain state is stored as JSON: every state record survives a round trip, with enums as their API names.</summary>
public sealed class SerializationTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static string RoundTrip<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, Web);
        var back = JsonSerializer.Deserialize<T>(json, Web);
        Assert.Equal(json, JsonSerializer.Serialize(back, Web));
        return json;
    }

    [Fact]
    public void Approval_requests_decisions_autonomy_rate_limits_and_audit_entries_round_trip()
    {
        var decision = GovernanceDecider.Decide(Plans.CriticalDepeer(), Plans.Context(Plans.Autonomous()));
        var request = ApprovalRequest.Open(decision, "alice", "p0", Plans.Noon).Approve("bob", Plans.Noon.AddMinutes(1)).Request;
        var requestJson = RoundTrip(request);
        Assert.Contains("\"status\":\"Pending\"", requestJson, StringComparison.Ordinal);
        Assert.Contains("\"risk\":\"CRITICAL\"", requestJson, StringComparison.Ordinal);
        Assert.Contains("\"verdict\":\"approve\"", requestJson, StringComparison.Ordinal);
        Assert.Equal(request.Approvers.ToArray(), JsonSerializer.Deserialize<ApprovalRequest>(requestJson, Web)!.Approvers.ToArray());

        var decisionJson = RoundTrip(decision);
        Assert.Contains("\"verdict\":\"AWAIT_APPROVAL\"", decisionJson, StringComparison.Ordinal);
        Assert.Contains("\"tier\":\"T3\"", decisionJson, StringComparison.Ordinal);

        var autonomy = AutonomyState.Initial.EngageKillSwitch("noc", Plans.Noon, "storm").State
            .SetPhase("admin", Plans.Noon, AutonomyPhase.Semi, new AutonomyScope("*", "edge", "*")).State
            .RecordOutcome(new AutonomyScope("default", "edge", "session"), OutcomeKind.FalsePositive, Plans.Noon, AutonomyPolicy.Default).State
            with { Demotions = [new AutonomyDemotion(new AutonomyScope("default", "core", "failover"), Plans.Noon, 0.5, 0.2, 20, "accuracy 0.5 < 0.9")] };
        var autonomyJson = RoundTrip(autonomy);
        Assert.Contains("\"phase\":\"semi\"", autonomyJson, StringComparison.Ordinal);
        Assert.Contains("\"recent\":[\"falsePositive\"]", autonomyJson, StringComparison.Ordinal);

        RoundTrip(new RateLimitState { Entries = [new RateLimitEntry(Plans.Noon, Tier.T2, "act-1")] });

        var entry = AuditChain.Append(AuditHead.Genesis, AuditRecords.Decision(Plans.CriticalDepeer(), decision, "resolver/act-9"), Plans.Noon);
        var back = JsonSerializer.Deserialize<AuditEntry>(RoundTrip(entry), Web)!;
        Assert.True(AuditChain.Verify([back]).Valid);
    }

    [Fact]
    public void The_policy_serializes_for_GET_guardrails()
    {
        var json = RoundTrip(GovernancePolicy.Default);
        Assert.Contains("\"onTimeout\":\"approve\"", json, StringComparison.Ordinal);
        Assert.Contains("\"defaultPhase\":\"passive\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"asymmetricPaths\",\"effect\":\"escalate\"", json, StringComparison.Ordinal);
    }
}
