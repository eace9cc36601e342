using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Orleans.Configuration;
using Orleans.Serialization;
using OrleansNetOps.Postgres;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Hosting;

/// <summary>How the Orleans silo inside this process is built from <see cref="SiloConfig"/>.</summary>
internal static class OrleansSilo
{
    /// <summary>The stream provider grains publish on.</summary>
    public const string StreamProvider = OrleansNetOps.Grains.Events.NetOpsStreams.Provider;

    // The ADO.NET providers pick their SQL dialect by this name; the connections come from our own pool.
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>Configures clustering, storage, reminders and streams for <c>storage.kind</c>, and the runtime's timing.</summary>
    public static void Configure(ISiloBuilder silo, SiloConfig config, IReadOnlyList<Assembly> grainAssemblies)
    {
        var cluster = config.Cluster;
        var siloPort = cluster.SiloPort == 0 ? FreeTcpPort() : cluster.SiloPort;
        silo.Services.AddSingleton<SiloStartProgress>();
        if (config.Storage.Kind == StorageKind.Postgres)
        {
            UsePostgres(silo, cluster, siloPort);
        }
        else
        {
            // The embedded default: one silo on loopback, everything in memory.
            silo.UseLocalhostClustering(siloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            silo.AddMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService();
            silo.AddMemoryGrainStorage("PubSubStore");
        }

        // Streams stay in memory on both shapes: no grain publishes on them yet, and ADO.NET streams would poll
        // PostgreSQL from every silo all the time for nothing. Subscriptions (PubSubStore) are durable with postgres.
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

    // A cluster on PostgreSQL: membership, grain state and reminders in the tables of our migration. The grain
    // directory stays Orleans' own in-cluster one: the ADO.NET directory locks its whole table for every activation
    // (every router, peer and incident grain would queue on one lock), while the in-cluster directory already rebuilds
    // itself when a silo dies.
    private static void UsePostgres(ISiloBuilder silo, ClusterConfig cluster, int siloPort)
    {
        var advertised = IPAddress.Parse(cluster.AdvertisedAddress);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        silo.ConfigureEndpoints(advertised, siloPort, cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
        silo.UseAdoNetClustering(o => o.Configure<PostgresDatabase>((options, database) =>
        {
            options.Invariant = NpgsqlInvariant;
            options.DataSource = database.OrleansDataSource;
        }));
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.AddAdoNetGrainStorageAsDefault(o => o.Configure<PostgresDatabase>((options, database) =>
        {
            options.Invariant = NpgsqlInvariant;
            options.DataSource = database.OrleansDataSource;
        }));
        silo.AddAdoNetGrainStorage("PubSubStore", o => o.Configure<PostgresDatabase>((options, database) =>
        {
            options.Invariant = NpgsqlInvariant;
            options.DataSource = database.OrleansDataSource;
        }));
        silo.UseAdoNetReminderService(o => o.Configure<PostgresDatabase>((options, database) =>
        {
            options.Invariant = NpgsqlInvariant;
            options.DataSource = database.OrleansDataSource;
        }));

        var membership = cluster.Membership;
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(membership.ProbeTimeoutSeconds);
            o.MinProbeTimeout = TimeSpan.FromSeconds(membership.ProbeTimeoutSeconds / 2);
            o.MaxProbeTimeout = TimeSpan.FromSeconds(membership.MaxProbeTimeoutSeconds);
            o.NumMissedProbesLimit = membership.MissedProbesLimit;
            o.NumVotesForDeathDeclaration = membership.VotesForDeath;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(membership.IAmAliveSeconds);
            o.NumMissedTableIAmAliveLimit = membership.MissedIAmAliveLimit;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(membership.TableRefreshSeconds);
        });
        StorageFirstSiloStart.Install(silo.Services);
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
