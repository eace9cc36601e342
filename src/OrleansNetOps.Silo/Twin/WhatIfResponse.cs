using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Twin;

/// <summary>API.md "Twin": the what-if answer (the engine's result without its internal state).</summary>
public sealed record WhatIfResponse(
    bool Passed,
    double SimulationMs,
    BlastRadius BlastRadius,
    TwinChecks Checks,
    IReadOnlyList<BestPathChange> Changes,
    PredictedSla PredictedSla,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Errors,
    long Evaluations)
{
    /// <summary>From the engine's result.</summary>
    public static WhatIfResponse From(WhatIfResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new WhatIfResponse(result.Passed, result.SimulationMs, result.BlastRadius, result.Checks, result.Changes, result.PredictedSla,
            result.Warnings, result.Errors, result.Evaluations);
    }
}
