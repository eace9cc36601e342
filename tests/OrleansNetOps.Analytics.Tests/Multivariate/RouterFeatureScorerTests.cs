using System.Text.Json;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Multivariate;
using OrleansNetOps.Analytics.Tests.Anomaly;

namespace OrleansNetOps.Analytics.Tests.Multivariate;

/// <summary>
/// A router whose CPU follows its BGP update rate. The anomaly: for an hour the CPU goes through one of its usual
/// climbs while the updates do not. (The per-series scorer also flags the CPU here, as out of its cycle; what the
/// vector adds is naming the broken relation and the features that carry it.) (Synthetic: no real
/// router feature vectors with a labelled anomaly of this kind are available.)
/// </summary>
public sealed class RouterFeatureScorerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Minutes = 3 * 1440;
    private const int AnomalyStart = (2 * 1440) + 900;
    private const int AnomalyLength = 60;

    [Fact]
    public void Finds_a_broken_correlation_and_names_the_features_that_carry_it()
    {
        var vectors = Vectors(anomaly: true, seed: 1);
        var scorer = new RouterFeatureScorer("R1", new MultivariateOptions());
        var verdicts = new List<RouterFeatureVerdict>();
        for (var i = 0; i < vectors.Length; i++)
        {
            verdicts.Add(scorer.Observe(vectors[i].At, vectors[i].Values));
        }

        var during = verdicts.Skip(AnomalyStart).Take(AnomalyLength).ToList();
        // Raised early in the hour (the CPU's miss grows from zero as the cycles drift apart); a later re-raise in the
        // same hour, after the miss dips back through zero, is the same anomaly.
        var raised = during.First(v => v.Raised);
        Assert.True(raised.At < during[0].At.AddMinutes(15), $"first raised at {raised.At}");
        var finding = Assert.IsType<Finding>(raised.Finding);
        Assert.Equal(FindingKind.MetricAnomaly, finding.Kind);
        Assert.Equal(new FindingSubject(SubjectKind.Router, "R1"), finding.Subject);
        Assert.Contains(raised.Contributions[0].Feature, new[] { "cpuPercent", "updatesPerSecond", "prefixChurnPerMinute" });
        Assert.Equal("randomized-pca", finding.Evidence.Single().Data["detector"]);

        // Outside the anomaly the joint pattern is ordinary: fewer than one false finding a day.
        var before = verdicts.Take(AnomalyStart).Count(v => v.Raised);
        Assert.True(before < AnomalyStart / 1440.0, $"{before} raised in the {AnomalyStart / 1440.0:0.0} days before the anomaly");
    }

    [Fact]
    public void Nothing_is_scored_before_the_first_model_and_a_wrong_vector_is_refused()
    {
        var scorer = new RouterFeatureScorer("R1", new MultivariateOptions());
        var vectors = Vectors(anomaly: false, seed: 2);
        for (var i = 0; i < 299; i++)
        {
            var verdict = scorer.Observe(vectors[i].At, vectors[i].Values);
            Assert.Null(verdict.SquaredError);
            Assert.Equal(0, verdict.Score);
        }

        Assert.Throws<ArgumentException>(() => scorer.Observe(vectors[299].At, [1.0, 2.0]));
    }

    [Fact]
    public void Restored_from_JSON_it_retrains_the_same_model_and_scores_the_same()
    {
        var options = new MultivariateOptions();
        var vectors = Vectors(anomaly: true, seed: 3);
        var scorer = new RouterFeatureScorer("R1", options);
        var split = 1000;
        for (var i = 0; i < split; i++)
        {
            scorer.Observe(vectors[i].At, vectors[i].Values);
        }

        var restored = RouterFeatureScorer.FromState("R1", options, JsonSerializer.Deserialize<RouterFeatureScorerState>(JsonSerializer.Serialize(scorer.ToState()))!);
        for (var i = split; i < split + 600; i++)
        {
            var expected = scorer.Observe(vectors[i].At, vectors[i].Values);
            var actual = restored.Observe(vectors[i].At, vectors[i].Values);
            Assert.Equal(expected.SquaredError, actual.SquaredError);
            Assert.Equal(expected.Score, actual.Score);
        }
    }

    [Fact]
    public void Its_state_is_bounded_by_the_window_of_vectors()
    {
        var options = new MultivariateOptions();
        var scorer = new RouterFeatureScorer("R1", options);
        var sizes = new List<int>();
        foreach (var (at, values) in Vectors(anomaly: false, seed: 4))
        {
            scorer.Observe(at, values);
            if (at.Minute == 0 && at.Hour % 12 == 0)
            {
                sizes.Add(JsonSerializer.Serialize(scorer.ToState()).Length);
            }
        }

        var state = scorer.ToState();
        Assert.InRange(state.Samples.Length, options.Window, options.Window + options.RetrainEvery);
        output.WriteLine($"state JSON every 12 h: {string.Join(", ", sizes)} chars");
        // Three days at one vector a minute: the last day's states are no larger than a full window's.
        Assert.All(sizes.TakeLast(2), size => Assert.InRange(size, 1, 250_000));
    }

    private static (DateTimeOffset At, double[] Values)[] Vectors(bool anomaly, int seed)
    {
        var random = new Random(seed);
        var vectors = new (DateTimeOffset, double[])[Minutes];
        for (var i = 0; i < Minutes; i++)
        {
            double Updates(int minute) => 50 + (40 * Math.Sin(2 * Math.PI * minute / 90.0));
            var updates = Updates(i) + (3 * SyntheticSeries.Gaussian(random));
            // In the anomaly the CPU climbs as it would 45 minutes later in the cycle: a normal-looking climb at the wrong time.
            var driver = anomaly && i >= AnomalyStart && i < AnomalyStart + AnomalyLength ? Updates(i + 45) : Updates(i);
            var cpu = 10 + (0.6 * driver) + (2 * SyntheticSeries.Gaussian(random));
            vectors[i] = (SyntheticSeries.Start.AddMinutes(i),
            [
                cpu,
                40 + SyntheticSeries.Gaussian(random),
                0,
                900_000 + (200 * SyntheticSeries.Gaussian(random)),
                (0.5 * updates) + SyntheticSeries.Gaussian(random),
                updates,
                8 + (0.5 * SyntheticSeries.Gaussian(random)),
                0.1 + (0.02 * Math.Abs(SyntheticSeries.Gaussian(random))),
            ]);
        }

        return vectors;
    }
}
