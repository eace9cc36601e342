using System.Globalization;
using OrleansNetOps.Assistant.Learning;
using Xunit.Abstractions;

namespace OrleansNetOps.Assistant.Tests.Learning;

public sealed class PolicyTrainerTests(ITestOutputHelper output)
{
    [Fact]
    public void The_learned_policy_beats_the_rule_based_planner_on_held_out_twin_episodes()
    {
        var generator = new EpisodeGenerator(Seed.Topology, Seed.State, new RewardWeights());
        var training = generator.Generate(seed: 1, count: 150);
        var heldOut = generator.Generate(seed: 2, count: 60);

        var policy = PolicyTrainer.Train(training, heldOut, seed: 1);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"episodes {policy.TrainingEpisodes}/{policy.HeldOutEpisodes}; learned {policy.AvgReward:0.0000}; rule-based {policy.RuleBasedReward:0.0000}; best {policy.BestPossibleReward:0.0000}; fit {policy.TrainingMs:0} ms"));
        Assert.True(training.Count >= 100 && heldOut.Count >= 40, $"{training.Count}/{heldOut.Count} episodes");
        Assert.True(policy.AvgReward > policy.RuleBasedReward, $"learned {policy.AvgReward} ≤ rule-based {policy.RuleBasedReward}");
        Assert.True(policy.AvgReward <= policy.BestPossibleReward + 1e-9);

        // A stored model reloads and chooses the same.
        Assert.Equal(policy.AvgReward, PolicyTrainer.Evaluate(policy.Model, heldOut), 9);
    }

    [Fact]
    public void Rewards_follow_the_spec_formula()
    {
        var weights = new RewardWeights(Latency: 1, Loss: 2, Cost: 0.5, Resilience: 3);

        Assert.Equal(-(1 * 0.2) - (2 * -1.0) - (0.5 * 0.1) + (3 * 0.5), weights.Reward(new OutcomeDelta(0.2, -1.0, 0.1, 0.5)), 12);
    }

    [Theory]
    [InlineData(0.7, 0.6, 0.9, true)]
    [InlineData(0.7, 0.8, 0.95, false)]
    [InlineData(0.4, 0.1, 0.95, false)]
    [InlineData(0.7, 0.6, 0.87, false)]
    public void A_policy_is_promoted_only_when_better_rewarded_enough_and_agreed_with(double candidate, double production, double agreement, bool promoted)
    {
        Assert.Equal(promoted, PromotionRule.Decide(candidate, production, agreement).Promote);
    }

    [Fact]
    public void A_policy_without_shadow_verdicts_is_not_promoted()
    {
        var (promote, reason) = PromotionRule.Decide(0.9, 0.1, null);

        Assert.False(promote);
        Assert.Contains("no shadow A/B verdicts", reason, StringComparison.Ordinal);
    }
}
