using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Grains.Audit;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Grains.Tests;

/// <summary>An in-process Orleans cluster running the project's grains on memory storage, for grain tests.</summary>
internal sealed class GrainCluster : IAsyncDisposable
{
    private GrainCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Starts the cluster; <paramref name="time"/> is the clock the grains read (the system's unless a test moves its own).</summary>
    public static async Task<GrainCluster> StartAsync(short silos = 1, TimeSpan? collectionAge = null, string? topology = null, TimeProvider? time = null)
    {
        var seed = TopologyLoader.Parse(topology ?? "asn: 65001\nrouters:\n  - { id: R1, routerId: 198.51.100.1 }\n", "t.yaml");
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureHost(host => host.Services.AddSingleton(seed).AddSingleton(time ?? TimeProvider.System).AddSingleton(OrleansNetOps.Analytics.Bgp.RouteAnalystOptions.Default)
            .AddSingleton<IAuditTrail, MemoryAuditTrail>().AddSingleton(new GuardrailsSource(GovernancePolicy.Default)));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams("Default");
            silo.Configure<GrainCollectionOptions>(o =>
            {
                o.CollectionAge = collectionAge ?? TimeSpan.FromMinutes(15);
                o.CollectionQuantum = TimeSpan.FromMilliseconds(100);
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainCluster(cluster);
    }

    /// <summary>The grain factory of one silo: calls from it are local to that silo (as the BMP collector's are).</summary>
    public IGrainFactory GrainsOn(int silo) => Cluster.Silos[silo].ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>The silo each activation of <typeparamref name="TGrain"/> lives on.</summary>
    public async Task<IReadOnlyList<SiloAddress>> ActivationsOfAsync<TGrain>()
    {
        var statistics = await Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return [.. statistics.Where(s => s.GrainType.Contains(typeof(TGrain).FullName!, StringComparison.Ordinal))
            .SelectMany(s => Enumerable.Repeat(s.SiloAddress, s.ActivationCount))];
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
