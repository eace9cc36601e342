using OrleansNetOps.Twin.Inbound;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Twin;

/// <summary>
/// API.md "Twin": the what-if answer (the engine's result without its internal state). <see cref="Changes"/> lists our
/// routers' changed best paths, then each ISP's changed best path toward our prefixes (<c>router</c> = the ISP's id);
/// <see cref="Inbound"/> summarises, per ISP, its share of the inbound traffic to our prefixes before and after, per
/// session with us, and its best path to each of our prefixes.
/// </summary>
public sealed record WhatIfResponse(
    bool Passed,
    double SimulationMs,
    BlastRadius BlastRadius,
    TwinChecks Checks,
    IReadOnlyList<BestPathChange> Changes,
    PredictedSlaView PredictedSla,
    IReadOnlyList<InboundShift> Inbound,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Errors,
    long Evaluations)
{
    /// <summary>From the engine's result.</summary>
    public static WhatIfResponse From(WhatIfResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new WhatIfResponse(result.Passed, result.SimulationMs, result.BlastRadius, result.Checks, result.Changes,
            PredictedSlaView.From(result.PredictedSla, trafficKnown: result.BlastRadius.TrafficShare is not null),
            result.Inbound, result.Warnings, result.Errors, result.Evaluations);
    }
}
