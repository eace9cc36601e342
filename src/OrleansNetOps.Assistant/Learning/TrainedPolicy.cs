namespace OrleansNetOps.Assistant.Learning;

/// <summary>A training run's model and how it did on held-out episodes.</summary>
/// <param name="Model">The ML.NET model, saved (zip bytes).</param>
/// <param name="AvgReward">Average reward of the learned policy's choices on held-out episodes.</param>
/// <param name="RuleBasedReward">The rule-based planner's on the same episodes.</param>
/// <param name="BestPossibleReward">The best candidate's, per episode, averaged: the ceiling.</param>
/// <param name="TrainingEpisodes">Episodes trained on.</param>
/// <param name="HeldOutEpisodes">Episodes evaluated on.</param>
/// <param name="TrainingMs">Time to fit the model.</param>
public sealed record TrainedPolicy(byte[] Model, double AvgReward, double RuleBasedReward, double BestPossibleReward,
    int TrainingEpisodes, int HeldOutEpisodes, double TrainingMs);
