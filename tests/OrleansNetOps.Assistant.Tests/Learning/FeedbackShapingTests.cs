using OrleansNetOps.Assistant.Learning;

namespace OrleansNetOps.Assistant.Tests.Learning;

public sealed class FeedbackShapingTests
{
    private static readonly IReadOnlyList<Episode> s_training = new EpisodeGenerator(Seed.Topology, Seed.State, new RewardWeights()).Generate(seed: 5, count: 12);

    [Fact]
    public void Without_feedback_the_labels_are_the_twins()
    {
        Assert.Same(s_training, FeedbackShaping.Shape(s_training, []));
    }

    [Fact]
    public void Verdicts_pull_the_labels_of_their_action_and_leave_the_others_and_the_twin_reward_alone()
    {
        var feedback = Enumerable.Repeat(new ActionFeedback("AS_PATH_PREPEND", -1.0), 10).ToList();

        var shaped = FeedbackShaping.Shape(s_training, feedback);

        var pairs = s_training.SelectMany(e => e.Candidates).Zip(shaped.SelectMany(e => e.Candidates)).ToList();
        var prepends = pairs.Where(p => p.First.Change.Action == "AS_PATH_PREPEND").ToList();
        Assert.NotEmpty(prepends);
        // Ten verdicts weigh as much as the twin: the label lands half-way to −1.
        Assert.All(prepends, p => Assert.Equal((p.First.Features.Reward - 1.0) / 2, p.Second.Features.Reward, 5));
        Assert.All(pairs.Where(p => p.First.Change.Action != "AS_PATH_PREPEND"), p => Assert.Equal(p.First.Features.Reward, p.Second.Features.Reward));
        // The twin's reward (what held-out evaluation uses) and the caller's rows are untouched.
        Assert.All(pairs, p => Assert.Equal(p.First.Reward, p.Second.Reward));
        Assert.All(prepends, p => Assert.Equal((float)p.First.Reward, p.First.Features.Reward));
    }
}
