using OrleansNetOps.Grains.Twin;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.TimeSeries;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Twin;

/// <summary>Registers what the twin's callers share: the measured context every what-if runs with.</summary>
internal static class TwinServices
{
    /// <summary>One <see cref="TwinContextSource"/> for the what-if API, incident plans and actions' proofs.</summary>
    public static IServiceCollection AddTwinContext(this IServiceCollection services) =>
        services.AddSingleton(sp => new TwinContextSource(
            sp.GetRequiredService<NetworkTopology>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ITimeSeriesStore>(), sp.GetService<IFlowStore>()));
}
