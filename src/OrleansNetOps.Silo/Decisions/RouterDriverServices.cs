using OrleansNetOps.Drivers;
using OrleansNetOps.Drivers.PerRouter;
using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Decisions;

/// <summary>The resolver's driver: one per router, as topology.yaml's <c>driver:</c> chooses (see <see cref="TopologyDrivers"/>).</summary>
internal static class RouterDriverServices
{
    public static void AddRouterDrivers(this IServiceCollection services, SiloConfig config)
    {
        services.AddSingleton<SimulatedPolicy>();
        services.AddSingleton(sp => TopologyDrivers.Build(
            sp.GetRequiredService<NetworkTopology>(), config.Network.Simulated, sp.GetRequiredService<SimulatedPolicy>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDeviceDriver>(sp => sp.GetRequiredService<PerRouterDriver>());
    }
}
