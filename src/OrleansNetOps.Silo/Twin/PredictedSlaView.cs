using OrleansNetOps.Twin.Sla;

namespace OrleansNetOps.Silo.Twin;

/// <summary>A what-if's <c>predictedSla</c>: per ISP, the SLA breaches and the convergence estimate.</summary>
public sealed record PredictedSlaView(IReadOnlyList<IspSlaView> PerIsp, IReadOnlyList<string> Breaches, ConvergenceEstimate Convergence)
{
    /// <summary>From the engine's prediction; <paramref name="trafficKnown"/> is false when the what-if had no traffic data.</summary>
    public static PredictedSlaView From(PredictedSla sla, bool trafficKnown)
    {
        ArgumentNullException.ThrowIfNull(sla);
        return new PredictedSlaView([.. sla.PerIsp.Select(p => IspSlaView.From(p, trafficKnown))], sla.Breaches, sla.Convergence);
    }
}
