using System.Text.Json.Serialization;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Inbound;
using OrleansNetOps.Twin.Sla;
using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>The API's what-if response (API.md "Twin"), plus the forked state for callers that keep going.</summary>
/// <param name="Passed">No errors: valid, no loops or blackholes, no guardrail conflict, predicted loss within limits.</param>
/// <param name="SimulationMs">Time spent simulating.</param>
/// <param name="BlastRadius">How much moved.</param>
/// <param name="Checks">Loops, blackholes, asymmetry, conflicts.</param>
/// <param name="Changes">Best paths that changed on our routers, by router then prefix; then the ISPs' changed best paths to our prefixes (<c>router</c> = the ISP's id).</param>
/// <param name="PredictedSla">Per-ISP prediction, breaches, convergence.</param>
/// <param name="Warnings">Caveats.</param>
/// <param name="Errors">Why it did not pass.</param>
[GenerateSerializer, Immutable]
public sealed record WhatIfResult(bool Passed, double SimulationMs, BlastRadius BlastRadius, TwinChecks Checks, IReadOnlyList<BestPathChange> Changes,
    PredictedSla PredictedSla, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors)
{
    /// <summary>True when the request itself was invalid (the API answers 400 with <see cref="Errors"/>).</summary>
    [field: Id(100)]
    public bool Invalid { get; init; }

    /// <summary>Per ISP: its share of the inbound traffic to our prefixes before and after, per session, and its best path to each of our prefixes.</summary>
    [field: Id(102)]
    public IReadOnlyList<InboundShift> Inbound { get; init; } = [];

    /// <summary>Best-path evaluations the propagation needed (a measure of incrementality).</summary>
    [field: Id(101)]
    public long Evaluations { get; init; }

    /// <summary>The state after the change (a fork of the baseline); null when invalid.</summary>
    [JsonIgnore]
    [field: NonSerialized]
    public TwinState? After { get; init; }
}
