namespace OrleansNetOps.Silo.Assistant;

/// <summary>
/// The twin's verdict on a proposed change, run on the measured context (flows and newest probes) as every other what-if;
/// <see cref="PredictedSla"/> has the shape of <c>POST /api/v1/twin/whatif</c>'s (per ISP utilisation before and after).
/// </summary>
internal sealed record IntentWhatIf(bool Passed, double PrefixShare, IReadOnlyList<string> Routers, int ChangedPaths,
    IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, OrleansNetOps.Silo.Twin.PredictedSlaView PredictedSla);
