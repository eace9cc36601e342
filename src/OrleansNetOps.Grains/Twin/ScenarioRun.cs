using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Grains.Twin;

/// <summary>One generated failure scenario and what the twin predicts it does.</summary>
/// <param name="Kind">The failure kind's API name (<c>LINK_CUT</c>, …).</param>
/// <param name="Events">The network events that model it, in the what-if change shape.</param>
/// <param name="Result">The what-if of those events on the baseline.</param>
[GenerateSerializer, Immutable]
public sealed record ScenarioRun(string Kind, IReadOnlyList<TwinChange> Events, WhatIfResult Result);
