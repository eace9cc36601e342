using OrleansNetOps.Twin.Scenarios;

namespace OrleansNetOps.Assistant.Learning;

/// <summary>A failure scenario with the traffic it happens under, and every candidate action evaluated in the twin.</summary>
public sealed record Episode(int Id, FailureScenario Scenario, IReadOnlyList<Candidate> Candidates);
