using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Orleans.Configuration;
using Orleans.Serialization;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Hosting;

/// <summary>How the Orleans silo inside this process is built from <see cref="SiloConfig"/>.</summary>
internal static class OrleansSilo
{
    /// <summary>The stream provider grains publish on.</summary>
    public const string StreamProvider = "Default";

    /// <summary>Configures clustering, storage, reminders and streams for <c>storage.kind</c>, and the runtime's timing.</summary>
    public static void Configure(ISiloBuilder silo, SiloConfig config, IReadOnlyList<Assembly> grainAssemblies)
    {
        var cluster = config.Cluster;
        var siloPort = cluster.SiloPort == 0 ? FreeTcpPort() : cluster.SiloPort;
        // The embedded default: one silo on loopback, everything in memory.
        silo.UseLocalhostClustering(siloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        silo.AddMemoryGrainStorageAsDefault();
        silo.UseInMemoryReminderService();
        silo.AddMemoryGrainStorage("PubSubStore");
        silo.AddMemoryStreams(StreamProvider);

        var runtime = config.Runtime;
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(runtime.ResponseTimeoutSeconds));
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(runtime.CollectionAgeMinutes);
            o.CollectionQuantum = TimeSpan.FromSeconds(runtime.CollectionQuantumSeconds);
            o.DeactivationTimeout = TimeSpan.FromSeconds(runtime.DeactivationTimeoutSeconds);
        });
        silo.Services.AddSerializer(serializer =>
        {
            foreach (var assembly in grainAssemblies.Distinct())
            {
                serializer.AddAssembly(assembly);
            }
        });
    }

    // Port 0 in the file means "any free port": bound and released here, then given to Orleans, which must know its
    // port before it binds because it advertises it in the membership table.
    private static int FreeTcpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
