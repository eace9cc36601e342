using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Tests;

public sealed class AutonomyTests
{
    private static readonly AutonomyScope EdgePaths = new("default", "edge", "path-preference");

    private static readonly AutonomyPolicy Policy = AutonomyPolicy.Default with
    {
        Scopes =
        [
            new ScopeRule(new AutonomyScope("*", "edge", "*"), AutonomyPhase.Semi),
            new ScopeRule(new AutonomyScope("*", "edge", "path-preference"), AutonomyPhase.Autonomous),
            new ScopeRule(new AutonomyScope("*", "*", "failover"), AutonomyPhase.Autonomous),
            new ScopeRule(new AutonomyScope("*", "spine", "*"), AutonomyPhase.Passive),
        ],
    };

    [Fact]
    public void The_most_specific_rule_wins_and_ties_take_the_lower_phase()
    {
        var state = AutonomyState.Initial;
        Assert.Equal(new PhaseResolution(AutonomyPhase.Autonomous, "guardrails rule */edge/path-preference"), state.Resolve(EdgePaths, Policy));
        Assert.Equal(AutonomyPhase.Semi, state.Resolve(new("default", "edge", "session"), Policy).Phase);
        Assert.Equal(new PhaseResolution(AutonomyPhase.Passive, "guardrails default"), state.Resolve(new("default", "core", "session"), Policy));
        // spine/* and */failover are equally specific: the lower phase wins.
        Assert.Equal(AutonomyPhase.Passive, state.Resolve(new("default", "spine", "failover"), Policy).Phase);

        var operatorSet = state.SetPhase("admin", Plans.Noon, AutonomyPhase.Passive, new AutonomyScope("*", "edge", "path-preference")).State;
        Assert.Equal(new PhaseResolution(AutonomyPhase.Passive, "operator rule */edge/path-preference"), operatorSet.Resolve(EdgePaths, Policy));
        var defaultSet = state.SetPhase("admin", Plans.Noon, AutonomyPhase.Semi).State;
        Assert.Equal(new PhaseResolution(AutonomyPhase.Semi, "operator default"), defaultSet.Resolve(new("default", "core", "session"), Policy));
    }

    [Fact]
    public void A_scope_whose_accuracy_leaves_its_bounds_drops_to_passive_until_an_admin_promotes_it()
    {
        var state = AutonomyState.Initial;
        AutonomyChange change = null!;
        var outcomes = Enumerable.Repeat(OutcomeKind.Correct, 17).Concat([OutcomeKind.Incorrect, OutcomeKind.Incorrect]).ToList();
        foreach (var outcome in outcomes)
        {
            change = state.RecordOutcome(EdgePaths, outcome, Plans.Noon, Policy);
            state = change.State;
            Assert.Null(change.Demotion); // fewer than 20 samples: not judged yet
        }

        change = state.RecordOutcome(EdgePaths, OutcomeKind.Incorrect, Plans.Noon.AddMinutes(1), Policy);
        Assert.NotNull(change.Demotion);
        Assert.Equal("demotion", change.Kind);
        Assert.Equal("default/edge/path-preference demoted to passive: accuracy 0.85 < 0.9 over the last 20 outcomes", change.Message);
        state = change.State;
        Assert.Equal(AutonomyPhase.Passive, state.Resolve(EdgePaths, Policy).Phase);
        Assert.Equal(TierMode.Approve, state.ModeFor(EdgePaths, Tier.T1, Policy));
        Assert.Equal(AutoApproval.Withdrawn, state.AutoApprovalFor(EdgePaths, Tier.T2, Policy));
        Assert.Equal(AutonomyPhase.Semi, state.Resolve(new("default", "edge", "session"), Policy).Phase);

        // More outcomes while passive demote nothing twice.
        Assert.Null(state.RecordOutcome(EdgePaths, OutcomeKind.Incorrect, Plans.Noon.AddMinutes(2), Policy).Demotion);

        var promoted = state.SetPhase("admin", Plans.Noon.AddHours(1), AutonomyPhase.Autonomous, new AutonomyScope("*", "edge", "*"));
        Assert.EndsWith("lifted the demotion of default/edge/path-preference", promoted.Message, StringComparison.Ordinal);
        Assert.Empty(promoted.State.Demotions);
        Assert.Empty(promoted.State.TrackRecords);
    }

    [Fact]
    public void False_positives_demote_too_and_partial_agreement_counts_a_little()
    {
        var state = AutonomyState.Initial;
        AutonomyChange change = null!;
        foreach (var outcome in Enumerable.Repeat(OutcomeKind.Correct, 18).Concat(Enumerable.Repeat(OutcomeKind.FalsePositive, 3)))
        {
            change = state.RecordOutcome(EdgePaths, outcome, Plans.Noon, Policy with { Demotion = new DemotionBounds(MinAccuracy: 0.5) });
            state = change.State;
        }

        Assert.Equal("default/edge/path-preference demoted to passive: false-positive rate 0.143 > 0.1 over the last 21 outcomes", change.Message);

        var record = new ScopeTrackRecord(EdgePaths, [OutcomeKind.Correct, OutcomeKind.Partial]);
        Assert.Equal(0.65, record.Accuracy, 10);
    }

    [Fact]
    public void The_kill_switch_stops_automatic_grants()
    {
        var engaged = AutonomyState.Initial.EngageKillSwitch("noc-lead", Plans.Noon, "fibre cut, hands off");
        Assert.Equal("kill switch ENGAGED by noc-lead: fibre cut, hands off", engaged.Message);
        Assert.Equal(AutoApproval.Halted, engaged.State.AutoApprovalFor(EdgePaths, Tier.T2, Policy));
        var released = engaged.State.ReleaseKillSwitch("noc-lead", Plans.Noon.AddMinutes(5));
        Assert.False(released.State.KillSwitch);
        Assert.Equal(AutoApproval.Allowed, released.State.AutoApprovalFor(EdgePaths, Tier.T2, Policy));
        Assert.Equal(AutoApproval.Withdrawn, released.State.AutoApprovalFor(EdgePaths, Tier.T2, GovernancePolicy.Default.Autonomy));
    }
}
