namespace OrleansNetOps.Grains.Learning;

/// <summary>
/// One training run of the action-selection policy (<c>GET /api/v1/learning/runs</c>).
/// </summary>
/// <param name="RunId">The run's id.</param>
/// <param name="ModelVersion">The model version it produced (1, 2, …; 0 is the rule-based planner).</param>
/// <param name="AvgReward">The model's average reward on held-out twin episodes.</param>
/// <param name="ProductionReward">The production policy's on the same episodes.</param>
/// <param name="AgreementRate">The model's agreement in shadow A/B; null until engineers have judged its recommendations.</param>
/// <param name="Episodes">Training episodes.</param>
/// <param name="HeldOutEpisodes">Held-out episodes.</param>
/// <param name="Promoted">Whether this version is (or was) promoted to production.</param>
/// <param name="Reason">Why it was or was not promoted.</param>
/// <param name="TrainingMs">Time to fit the model.</param>
/// <param name="At">When the run finished.</param>
[GenerateSerializer, Immutable]
public sealed record LearningRun(string RunId, int ModelVersion, double AvgReward, double ProductionReward, double? AgreementRate, int Episodes,
    int HeldOutEpisodes, bool Promoted, string Reason, double TrainingMs, DateTimeOffset At)
{
    /// <summary>Reviewed shadow decisions whose verdicts shaped the training labels (0: the twin's reward alone).</summary>
    [Id(11)]
    public int FeedbackDecisions { get; init; }

    /// <summary>Executed changes whose audited SLA outcome (probes before and after) shaped the training labels.</summary>
    [Id(13)]
    public int SlaOutcomes { get; init; }

    /// <summary>What the run trained on, in words.</summary>
    [Id(12)]
    public string? TrainedOn { get; init; }
}
