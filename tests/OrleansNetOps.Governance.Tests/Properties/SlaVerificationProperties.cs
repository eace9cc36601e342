using System.Collections.Immutable;
using CsCheck;
using OrleansNetOps.Governance.Verification;

namespace OrleansNetOps.Governance.Tests.Properties;

public sealed class SlaVerificationProperties
{
    private static readonly VerificationRules Spec = new();

    private static readonly Gen<SlaSample> Samples = Gen.Select(Gen.Double[0, 200], Gen.Double[0, 6], (latency, loss) => new SlaSample(latency, loss));

    private static readonly Gen<PathProbes> Paths = Gen.Select(Gen.OneOf(Gen.Const("ISP-A"), Gen.Const("ISP-B"), Gen.Const("ISP-C")), Samples.Array[0, 12], Samples.Array[0, 12],
        (name, before, after) => new PathProbes(name, [.. before], [.. after]));

    private static SlaSample Shift(SlaSample sample, double latency, double loss) => new(sample.LatencyMs + latency, Math.Min(100, sample.LossPct + loss));

    [Fact]
    public void A_change_rolls_back_exactly_when_a_judged_path_breaks_a_rule_on_its_aggregates()
    {
        Paths.Array[1, 4].Sample(paths =>
        {
            var result = Spec.Verify(paths);
            Assert.Equal(paths.Length, result.Paths.Length);
            var expected = result.Paths.Where(p => p.Judged).Any(p => Spec.Judge(p.Before!, p.After!).RollBack);
            Assert.Equal(expected, result.Verdict.RollBack);
            Assert.Equal(result.Verdict.RollBack, result.Verdict.Reasons.Length > 0);
            foreach (var (path, judgement) in paths.Zip(result.Paths))
            {
                Assert.Equal(path.Before.Length >= Spec.MinSamples && path.After.Length >= Spec.MinSamples, judgement.Judged);
                Assert.All(judgement.Reasons, r => Assert.StartsWith(path.Path + ": ", r, StringComparison.Ordinal));
            }
        });
    }

    [Fact]
    public void Aggregates_are_the_median_latency_and_the_mean_loss_whatever_the_order()
    {
        Gen.Select(Samples.Array[3, 15], Gen.Int).Sample((samples, seed) =>
        {
            var random = new Random(seed);
            var shuffled = samples.OrderBy(_ => random.Next()).ToArray();
            var judgement = Spec.Verify([new PathProbes("ISP-A", [.. samples], [.. shuffled])]).Paths[0];
            Assert.Equal(judgement.Before, judgement.After);
            var sorted = samples.Select(s => s.LatencyMs).Order().ToArray();
            Assert.Equal(sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2, judgement.Before!.LatencyMs);
            Assert.Equal(samples.Average(s => s.LossPct), judgement.Before.LossPct, 9);
            Assert.True(judgement.Before.LatencyMs >= sorted[0] && judgement.Before.LatencyMs <= sorted[^1]);
        });
    }

    [Fact]
    public void Making_the_after_side_worse_never_turns_a_rollback_into_a_keep()
    {
        Gen.Select(Paths, Gen.Double[0, 100], Gen.Double[0, 5]).Sample((path, latency, loss) =>
        {
            var worse = path with { After = [.. path.After.Select(s => Shift(s, latency, loss))] };
            if (Spec.Verify([path]).Verdict.RollBack)
            {
                Assert.True(Spec.Verify([worse]).Verdict.RollBack);
            }
        });
    }

    [Fact]
    public void A_path_that_did_not_change_never_rolls_back_while_it_is_inside_the_absolute_limits()
    {
        Samples.Where(s => s.LatencyMs <= Spec.MaxLatencyMs && s.LossPct <= Spec.MaxLossPct).Array[3, 10].Sample(samples =>
        {
            ImmutableArray<SlaSample> same = [.. samples];
            Assert.False(Spec.Verify([new PathProbes("ISP-A", same, same)]).Verdict.RollBack);
        });
    }

    [Fact]
    public void Paths_without_enough_samples_say_nothing_and_one_late_probe_is_not_a_trend()
    {
        var steady = Enumerable.Repeat(new SlaSample(20, 0.1), 5).ToImmutableArray();
        var cut = Spec.Verify([new PathProbes("ISP-A", steady, []), new PathProbes("ISP-B", steady, steady)]);
        Assert.False(cut.Verdict.RollBack);
        Assert.False(cut.Inconclusive);
        Assert.Equal(["ISP-A: not judged, 0 sample(s) after (at least 3 needed on each side)"], cut.Paths[0].Reasons.ToArray());
        Assert.Equal(["ISP-B"], cut.Samples.Select(s => s.Subject).ToArray());
        Assert.True(Spec.Verify([new PathProbes("ISP-A", steady, [])]).Inconclusive);

        var spike = Spec.Verify([new PathProbes("ISP-A", steady, [new SlaSample(20, 0.1), new SlaSample(140, 0.1), new SlaSample(21, 0.1)])]);
        Assert.False(spike.Verdict.RollBack);
        var trend = Spec.Verify([new PathProbes("ISP-A", steady, [new SlaSample(31, 0.1), new SlaSample(140, 0.1), new SlaSample(35, 0.1)])]);
        Assert.Equal(["ISP-A: latency 35 ms after is more than 1.5 × 20 ms before"], trend.Verdict.Reasons.ToArray());
    }

    [Fact]
    public void Bad_samples_are_refused_naming_path_side_and_index()
    {
        var good = Enumerable.Repeat(new SlaSample(20, 0.1), 3).ToImmutableArray();
        var error = Assert.Throws<ArgumentException>(() => Spec.Verify([new PathProbes("ISP-B", good, [new SlaSample(20, 0.1), new SlaSample(double.NaN, 0)])]));
        Assert.StartsWith("ISP-B: sample after[1] has latency NaN ms", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentException>(() => Spec.Verify([new PathProbes("ISP-C", [new SlaSample(20, 101)], good)]));
        Assert.StartsWith("ISP-C: sample before[0] has loss 101 % (expected 0..100)", error.Message, StringComparison.Ordinal);
    }
}
