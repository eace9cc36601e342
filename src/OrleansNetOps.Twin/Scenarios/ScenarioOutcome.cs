using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Scenarios;

/// <summary>A generated failure and what the twin predicts it does.</summary>
/// <param name="Scenario">The failure: its kind and its events.</param>
/// <param name="Result">The what-if of those events on the baseline.</param>
public sealed record ScenarioOutcome(FailureScenario Scenario, WhatIfResult Result);
