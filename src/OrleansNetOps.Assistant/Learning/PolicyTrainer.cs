using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace OrleansNetOps.Assistant.Learning;

/// <summary>
/// Trains the learned action-selection policy: an ML.NET FastTree regression of the reward from the candidate's
/// features; the policy takes, among the candidates the twin passed, the one with the highest predicted reward. It is
/// judged on held-out episodes against the rule-based planner it starts from.
/// </summary>
public static class PolicyTrainer
{
    /// <summary>Trains on <paramref name="training"/> and evaluates both policies on <paramref name="heldOut"/>.</summary>
    /// <param name="training">Training episodes.</param>
    /// <param name="heldOut">Episodes never seen in training.</param>
    /// <param name="seed">ML.NET's seed, so a run can be repeated.</param>
    public static TrainedPolicy Train(IReadOnlyList<Episode> training, IReadOnlyList<Episode> heldOut, int seed)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(heldOut);
        var watch = Stopwatch.StartNew();
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(training.SelectMany(e => e.Candidates).Select(c => c.Features));
        var pipeline = ml.Transforms.Concatenate("Features",
                nameof(CandidateFeatures.Kind), nameof(CandidateFeatures.IspUtilisation), nameof(CandidateFeatures.MaxUtilisation),
                nameof(CandidateFeatures.MaxUtilisationAfter), nameof(CandidateFeatures.IspLatency), nameof(CandidateFeatures.IspLoss),
                nameof(CandidateFeatures.IspCost), nameof(CandidateFeatures.SessionDown), nameof(CandidateFeatures.Blast),
                nameof(CandidateFeatures.Breaches), nameof(CandidateFeatures.Blackholes))
            .Append(ml.Regression.Trainers.FastTree(labelColumnName: nameof(CandidateFeatures.Reward), featureColumnName: "Features",
                numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 5));
        var model = pipeline.Fit(data);
        var trainingMs = watch.Elapsed.TotalMilliseconds;

        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        var engine = ml.Model.CreatePredictionEngine<CandidateFeatures, RewardPrediction>(model);
        var learned = heldOut.Select(e => Choose(e, c => engine.Predict(c.Features).Score).Reward).DefaultIfEmpty().Average();
        var rules = heldOut.Select(e => RuleBasedPlanner.Choose(e).Reward).DefaultIfEmpty().Average();
        var best = heldOut.Select(e => e.Candidates.Max(c => c.Reward)).DefaultIfEmpty().Average();
        return new TrainedPolicy(stream.ToArray(), learned, rules, best, training.Count, heldOut.Count, trainingMs);
    }

    /// <summary>Scores a saved model on episodes (for reloading a stored model and checking it still chooses the same).</summary>
    public static double Evaluate(byte[] model, IReadOnlyList<Episode> episodes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(episodes);
        var ml = new MLContext();
        using var stream = new MemoryStream(model);
        var loaded = ml.Model.Load(stream, out _);
        var engine = ml.Model.CreatePredictionEngine<CandidateFeatures, RewardPrediction>(loaded);
        return episodes.Select(e => Choose(e, c => engine.Predict(c.Features).Score).Reward).DefaultIfEmpty().Average();
    }

    private static Candidate Choose(Episode episode, Func<Candidate, float> score) =>
        episode.Candidates.Where(c => c.Features.Blackholes == 0 && c.Reward > -1.0 || c.Change.Action == "NO_ACTION")
            .MaxBy(score) ?? episode.Candidates[^1];

    /// <summary>The model's output column.</summary>
    private sealed class RewardPrediction
    {
        [ColumnName("Score")]
        public float Score { get; set; }
    }
}
