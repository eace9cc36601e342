using OrleansNetOps.Twin.Sla;

namespace OrleansNetOps.Silo.Twin;

/// <summary>One ISP in a what-if's <c>predictedSla.perIsp</c>. Utilisation and cost are null when no flow data says how much traffic there is (unknown, not zero).</summary>
public sealed record IspSlaView(string Isp, double? UtilisationBefore, double? UtilisationAfter, double LatencyMs, double LossPct,
    double? CostPerHourBefore, double? CostPerHourAfter)
{
    /// <summary>From the engine's prediction; <paramref name="trafficKnown"/> is false when the what-if had no traffic data.</summary>
    public static IspSlaView From(IspPrediction prediction, bool trafficKnown)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return trafficKnown
            ? new IspSlaView(prediction.Isp, prediction.UtilisationBefore, prediction.UtilisationAfter, prediction.LatencyMs, prediction.LossPct,
                prediction.CostPerHourBefore, prediction.CostPerHourAfter)
            : new IspSlaView(prediction.Isp, null, null, prediction.LatencyMs, prediction.LossPct, null, null);
    }
}
