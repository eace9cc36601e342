using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Scenarios;

/// <summary>
/// <c>POST /api/v1/twin/scenarios</c>: generates failures on the baseline's topology and runs each as a what-if on
/// the baseline (which is only read, so this may run beside other what-ifs on it).
/// </summary>
public static class FailureScenarios
{
    /// <summary>The scenarios of <paramref name="request"/>, each with its what-if result, in generation order.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static IReadOnlyList<ScenarioOutcome> Run(TwinState baseline, ScenarioRequest request, WhatIfOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(request);
        var count = Math.Clamp(request.Count, 1, ScenarioRequest.MaxCount);
        var scenarios = FailureScenarioGenerator.Generate(baseline.Model.Topology, request.Seed, count, Math.Clamp(request.MaxFailures, 1, 3), request.Kinds);
        var outcomes = new List<ScenarioOutcome>(scenarios.Count);
        foreach (var scenario in scenarios)
        {
            cancellationToken.ThrowIfCancellationRequested();
            outcomes.Add(new ScenarioOutcome(scenario, WhatIfEngine.Run(baseline, scenario.Request, options, cancellationToken)));
        }

        return outcomes;
    }
}
