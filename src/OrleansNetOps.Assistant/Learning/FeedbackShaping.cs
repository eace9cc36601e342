using System.Collections.Immutable;

namespace OrleansNetOps.Assistant.Learning;

/// <summary>
/// Blends what engineers said about recommendations, and what the probes measured after executed changes
/// (<see cref="SlaOutcome"/>), into the twin's reward labels before training. The twin's predicted reward of a candidate
/// is kept as if it were <see cref="TwinWeight"/> observations; each reviewed recommendation or judged change of the same
/// catalogue action is one more, so a handful nudges the label and many dominate it. Held-out
/// evaluation stays on the twin's reward alone, so a policy is still judged on the same objective ground as production.
/// </summary>
public static class FeedbackShaping
{
    /// <summary>How many verdicts the twin's own prediction is worth.</summary>
    public const double TwinWeight = 10;

    /// <summary>Verdict count and mean reward per catalogue action.</summary>
    public static ImmutableDictionary<string, (int Count, double Mean)> ByAction(IEnumerable<ActionFeedback> feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return feedback.GroupBy(f => f.Action, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => (g.Count(), g.Average(f => f.Reward)), StringComparer.Ordinal);
    }

    /// <summary>
    /// The training episodes with each candidate's label blended with the verdicts on its action; candidates of actions
    /// nobody judged, and every episode when there is no feedback, keep the twin's label unchanged.
    /// </summary>
    public static IReadOnlyList<Episode> Shape(IReadOnlyList<Episode> training, IEnumerable<ActionFeedback> feedback)
    {
        ArgumentNullException.ThrowIfNull(training);
        var byAction = ByAction(feedback);
        if (byAction.IsEmpty)
        {
            return training;
        }

        return [.. training.Select(e => e with { Candidates = [.. e.Candidates.Select(c => Shape(c, byAction))] })];
    }

    private static Candidate Shape(Candidate candidate, ImmutableDictionary<string, (int Count, double Mean)> byAction)
    {
        if (!byAction.TryGetValue(candidate.Change.Action, out var judged))
        {
            return candidate;
        }

        var label = ((TwinWeight * candidate.Features.Reward) + (judged.Count * judged.Mean)) / (TwinWeight + judged.Count);
        var f = candidate.Features;
        // ML.NET rows are mutable classes: a copy, so the caller's episodes keep the twin's label.
        var features = new CandidateFeatures
        {
            Episode = f.Episode,
            Kind = [.. f.Kind],
            IspUtilisation = f.IspUtilisation,
            MaxUtilisation = f.MaxUtilisation,
            MaxUtilisationAfter = f.MaxUtilisationAfter,
            IspLatency = f.IspLatency,
            IspLoss = f.IspLoss,
            IspCost = f.IspCost,
            SessionDown = f.SessionDown,
            Blast = f.Blast,
            Breaches = f.Breaches,
            Blackholes = f.Blackholes,
            Reward = (float)label,
        };
        return candidate with { Features = features };
    }
}
