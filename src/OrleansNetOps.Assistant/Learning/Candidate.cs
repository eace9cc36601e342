using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Assistant.Learning;

/// <summary>One action the planner could take in an episode, with its features and the reward the twin predicts for it.</summary>
public sealed record Candidate(CatalogueChange Change, CandidateFeatures Features, double Reward);
