using OrleansNetOps.Drivers;
using OrleansNetOps.Drivers.PerRouter;
using OrleansNetOps.Drivers.Runbooks;
using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Planning.Runbooks;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Decisions;

/// <summary>
/// The resolver's driver: one per router, as topology.yaml's <c>driver:</c> chooses (see <see cref="TopologyDrivers"/>),
/// and runbooks.yaml's runbooks for <c>RUNBOOK</c> actions.
/// </summary>
internal static class RouterDriverServices
{
    public static void AddRouterDrivers(this IServiceCollection services, SiloConfig config, RunbooksFile? runbooks)
    {
        services.AddSingleton<SimulatedPolicy>();
        services.AddSingleton(runbooks?.Catalogue ?? RunbookCatalogue.Empty);
        services.AddSingleton(sp => TopologyDrivers.Build(
            sp.GetRequiredService<NetworkTopology>(), config.Network.Simulated, sp.GetRequiredService<SimulatedPolicy>(), sp.GetRequiredService<TimeProvider>(),
            runbooks is null || runbooks.Runbooks.IsEmpty ? null : Runbooks(runbooks, sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<IDeviceDriver>(sp => sp.GetRequiredService<PerRouterDriver>());
    }

    // The driver lives as long as the silo, and so does its client; each step has its own timeout, so the client's is not used.
    private static RunbookDriver Runbooks(RunbooksFile runbooks, TimeProvider time) =>
        new(runbooks.Runbooks, new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, time);
}
