using System.Text.Json;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Priority;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Tiers;
using OrleansNetOps.Grains.Coordination;

namespace OrleansNetOps.Grains.Tests.Coordination;

/// <summary>
/// The coordinator's rate-limit slots on a TestingHost cluster: when the rolling minute frees a slot, it goes to the
/// waiting action that ranks first (severity, service impact, spare capacity, age), not to the one that asked first.
/// The clock is moved, not waited for; the claims re-ask as resolvers do while they wait (every quarter second).
/// </summary>
public sealed class CoordinatorRateLimitTests
{
    private static readonly GovernancePolicy s_semi = GovernancePolicy.Default with
    {
        Autonomy = GovernancePolicy.Default.Autonomy with { DefaultPhase = AutonomyPhase.Semi },
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> s_created = new(StringComparer.Ordinal);

    [Fact]
    public async Task When_a_T1_slot_frees_a_critical_action_gets_it_before_a_minor_one_that_waited_longer()
    {
        var clock = new MovableClock();
        await using var cluster = await GrainCluster.StartAsync(time: clock);
        var coordinator = cluster.Grains.GetGrain<ICoordinatorGrain>("rate-priority");
        await coordinator.SetAutonomyAsync(new AutonomyUpdate("alice", "semi", null, null));

        // Six T1 changes five seconds apart fill the T1 budget of the minute (guardrails: 6 T1, 3 T2, 10 overall);
        // their slots free one at a time, five seconds apart.
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal("Proceed", (await GateAsync(coordinator, $"act-fill-{i}", "major", clock)).Outcome);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        var minor = await GateAsync(coordinator, "act-minor", "minor", clock);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var critical = await GateAsync(coordinator, "act-critical", "critical", clock);
        Assert.Equal(("Wait", "Wait"), (minor.Outcome, critical.Outcome));
        Assert.StartsWith("rate limit: 6 T1 changes in the last minute (limit 6)", minor.Reason, StringComparison.Ordinal);
        var retryAt = Assert.NotNull(minor.RetryAt);
        Assert.Equal(retryAt, critical.RetryAt);

        var queue = JsonDocument.Parse(await coordinator.QueueAsync()).RootElement;
        Assert.Equal([("act-critical", 1, "rate-limit"), ("act-minor", 2, "rate-limit")], queue.EnumerateArray()
            .Select(q => (q.GetProperty("actionId").GetString()!, q.GetProperty("position").GetInt32(), q.GetProperty("waitingFor").GetString()!)));

        // Just before the first slot frees, both are still held by the limit (and stay in the queue by asking again).
        clock.Advance(retryAt - clock.GetUtcNow() - TimeSpan.FromMilliseconds(500));
        Assert.Equal("Wait", (await GateAsync(coordinator, "act-minor", "minor", clock)).Outcome);
        Assert.Equal("Wait", (await GateAsync(coordinator, "act-critical", "critical", clock)).Outcome);

        // The slot frees; the minor action asks first, and is told the critical one goes first.
        clock.Advance(TimeSpan.FromSeconds(1));
        var minorAgain = await GateAsync(coordinator, "act-minor", "minor", clock);
        Assert.Equal(("Wait", "rate limit: act-critical (critical) goes first"), (minorAgain.Outcome, minorAgain.Reason));
        var criticalAgain = await GateAsync(coordinator, "act-critical", "critical", clock);
        Assert.Equal("Proceed", criticalAgain.Outcome);

        // The critical action took the slot: the minor one waits for the next, and only it is left in the queue.
        var minorLast = await GateAsync(coordinator, "act-minor", "minor", clock);
        Assert.Equal("Wait", minorLast.Outcome);
        Assert.StartsWith("rate limit: 6 T1 changes in the last minute", minorLast.Reason, StringComparison.Ordinal);
        var slots = JsonSerializer.Deserialize<RateLimitState>((await coordinator.GovernanceAsync()).RateLimitsJson, DecisionJson.Options)!;
        Assert.Contains(slots.Entries, e => e.ActionId == "act-critical");
        Assert.DoesNotContain(slots.Entries, e => e.ActionId == "act-minor");
        Assert.Equal(["act-minor"], JsonDocument.Parse(await coordinator.QueueAsync()).RootElement.EnumerateArray().Select(q => q.GetProperty("actionId").GetString()));
    }

    [Fact]
    public async Task A_critical_T2_held_by_the_T2_limit_does_not_keep_a_minor_T1_from_a_T1_slot()
    {
        var clock = new MovableClock();
        await using var cluster = await GrainCluster.StartAsync(time: clock);
        var coordinator = cluster.Grains.GetGrain<ICoordinatorGrain>("rate-tiers");
        await coordinator.SetAutonomyAsync(new AutonomyUpdate("alice", "semi", null, null));

        // Three approved T2 changes use the minute's T2 budget; T1 and overall slots are still free.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Proceed", (await GateAsync(coordinator, $"act-t2-{i}", "major", clock, T2Blast)).Outcome);
        }

        var criticalT2 = await GateAsync(coordinator, "act-critical-t2", "critical", clock, T2Blast);
        Assert.Equal("Wait", criticalT2.Outcome);
        Assert.StartsWith("rate limit: 3 T2 changes in the last minute (limit 3)", criticalT2.Reason, StringComparison.Ordinal);

        // The critical T2 ranks first but cannot use a T1 slot: the minor T1 takes it, and the T2 keeps its place.
        var minorT1 = await GateAsync(coordinator, "act-minor-t1", "minor", clock);
        Assert.Equal(("Proceed", "automatic"), (minorT1.Outcome, minorT1.Reason));
        Assert.Equal(["act-critical-t2"], JsonDocument.Parse(await coordinator.QueueAsync()).RootElement.EnumerateArray().Select(q => q.GetProperty("actionId").GetString()));
    }

    // Blast radius 0.4: above T1's 0.25, within T2's 0.65.
    private const double T2Blast = 0.4;

    // As a resolver asks at its execute step: the claim carries the action's creation time, the decision is its plan's.
    private static Task<GateAnswer> GateAsync(ICoordinatorGrain coordinator, string actionId, string severity, TimeProvider clock, double blast = 0.02)
    {
        var created = s_created.GetOrAdd(actionId, _ => clock.GetUtcNow());
        var proposal = new ProposedAction
        {
            ActionId = actionId,
            Router = "R1",
            Action = "MED_ADJUST",
            Parameters = new ActionParameters { Peer = "ISP-A", Direction = "out", Med = 50 },
            Confidence = 0.95,
            Twin = new TwinVerdict { Passed = true, PrefixShare = blast, Routers = ["R1"] },
            Requester = "resolver/" + actionId,
            DeviceClass = "edge",
        };
        var decision = GovernanceDecider.Decide(proposal, new GovernanceContext(s_semi, AutonomyState.Initial, RateLimitState.Empty, created));
        var claim = new QueueClaim(actionId, severity, 0.2, null, created);
        if (blast <= 0.25)
        {
            Assert.Equal((DecisionVerdict.AutoExecute, Tier.T1), (decision.Verdict, decision.Tier));
            return coordinator.GateAsync(DecisionJson.Write(decision), null, DecisionJson.Write(claim));
        }

        // A T2 waits for a person in the semi phase: it reaches the gate with its granted request.
        Assert.Equal((DecisionVerdict.AwaitApproval, Tier.T2), (decision.Verdict, decision.Tier));
        var approved = ApprovalRequest.Open(decision, proposal.Requester, "params", created).Approve("bob", created).Request;
        Assert.True(approved.IsGranted);
        return coordinator.GateAsync(DecisionJson.Write(decision), DecisionJson.Write(approved), DecisionJson.Write(claim));
    }
}
