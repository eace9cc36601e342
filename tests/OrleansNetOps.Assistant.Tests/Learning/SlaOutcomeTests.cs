using OrleansNetOps.Assistant.Learning;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Assistant.Tests.Learning;

public sealed class SlaOutcomeTests
{
    private static readonly SlaTargets s_sla = new(LatencyMs: 50, LossPct: 1);

    [Fact]
    public void A_change_that_made_latency_and_loss_worse_earns_the_twins_negative_reward_for_those_deltas()
    {
        var feedback = new SlaOutcome("MED_ADJUST", 20, 150, 0.1, 5).Feedback(s_sla, new RewardWeights());

        Assert.Equal("MED_ADJUST", feedback.Action);
        // −1·(130 / 50) − 1·(4.9 / 1): cost and headroom are not measured by probes.
        Assert.Equal(-7.5, feedback.Reward, 9);
    }

    [Fact]
    public void A_change_that_made_things_better_earns_a_positive_reward_scaled_by_the_weights()
    {
        var feedback = new SlaOutcome("LOCAL_PREF_ADJUST", 40, 30, 0.5, 0.25).Feedback(s_sla, new RewardWeights(Latency: 2, Loss: 4));

        Assert.Equal((2 * 10.0 / 50) + (4 * 0.25), feedback.Reward, 9);
    }

    [Fact]
    public void An_unchanged_service_earns_nothing()
    {
        Assert.Equal(0, new SlaOutcome("NO_ACTION", 20, 20, 0.1, 0.1).Feedback(s_sla, new RewardWeights()).Reward);
    }
}
