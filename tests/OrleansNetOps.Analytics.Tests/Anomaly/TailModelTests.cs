using OrleansNetOps.Analytics.Anomaly;

namespace OrleansNetOps.Analytics.Tests.Anomaly;

public sealed class TailModelTests
{
    [Fact]
    public void Tail_probabilities_of_a_half_normal_are_close_and_cautious()
    {
        var random = new Random(7);
        var tail = new TailModel(memoryPoints: 2000, tailQuantile: 0.99, warmUp: 100);
        for (var i = 0; i < 20_000; i++)
        {
            tail.Observe(Math.Abs(SyntheticSeries.Gaussian(random)));
        }

        // Exact half-normal tails: P(|Z| ≥ 1) = 0.317, P(|Z| ≥ 2) = 0.0455, P(|Z| ≥ 4) = 6.3e-5.
        Assert.InRange(tail.TailProbability(1), 0.28, 0.36);
        Assert.InRange(tail.TailProbability(2), 0.035, 0.06);
        Assert.InRange(tail.TailProbability(4), 6.3e-6, 1e-3);
        Assert.True(tail.TailProbability(6) < tail.TailProbability(5));
    }

    [Fact]
    public void Nothing_is_rare_before_warm_up()
    {
        var tail = new TailModel(memoryPoints: 2000, tailQuantile: 0.99, warmUp: 100);
        for (var i = 0; i < 99; i++)
        {
            tail.Observe(1);
        }

        Assert.Equal(1.0, tail.TailProbability(1000));
    }

    [Fact]
    public void A_value_past_a_bounded_distribution_is_rare_but_not_astronomically_so()
    {
        var random = new Random(3);
        var tail = new TailModel(memoryPoints: 2000, tailQuantile: 0.99, warmUp: 100);
        for (var i = 0; i < 5000; i++)
        {
            tail.Observe(2 * random.NextDouble());
        }

        // The largest value seen is 2 (a bin runs to 2.08); 2.3 is beyond anything seen, so rare, yet not 1e-20.
        Assert.InRange(tail.TailProbability(2.3), 1e-4, 0.01);
    }

    [Fact]
    public void Forgets_old_values()
    {
        var tail = new TailModel(memoryPoints: 200, tailQuantile: 0.99, warmUp: 100);
        for (var i = 0; i < 2000; i++)
        {
            tail.Observe(50);
        }

        for (var i = 0; i < 2000; i++)
        {
            tail.Observe(1);
        }

        Assert.True(tail.TailProbability(40) < 1e-3);
    }

    [Fact]
    public void State_round_trips()
    {
        var random = new Random(11);
        var tail = new TailModel(memoryPoints: 500, tailQuantile: 0.99, warmUp: 100);
        for (var i = 0; i < 3000; i++)
        {
            tail.Observe(Math.Abs(SyntheticSeries.Gaussian(random)) * 3);
        }

        var restored = TailModel.FromState(tail.ToState(), 500, 0.99, 100);
        foreach (var y in new[] { 0.5, 3, 8, 12 })
        {
            Assert.Equal(tail.TailProbability(y), restored.TailProbability(y), 12);
        }
    }
}
