using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansNetOps.Collectors;
using OrleansNetOps.Collectors.Flows;
using OrleansNetOps.Collectors.Snmp;
using OrleansNetOps.Collectors.Syslog;
using OrleansNetOps.Postgres;
using OrleansNetOps.Postgres.Telemetry;
using OrleansNetOps.Postgres.TimeSeries;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Telemetry.Alerts;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.Snmp;
using OrleansNetOps.Telemetry.Storage;
using OrleansNetOps.Telemetry.Syslog;
using OrleansNetOps.Telemetry.TimeSeries;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Telemetry;

/// <summary>Registers the syslog, flow and trap listeners, the stores they fill, and the time-series store for the configured storage.</summary>
internal static class TelemetryServices
{
    public static IServiceCollection AddTelemetryCollectors(this IServiceCollection services, SiloConfig config)
    {
        var address = IPAddress.Parse(config.Listeners.Address);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new TimeSeriesRetention());
        services.AddSingleton<CollectorRouterMap>(sp =>
        {
            var topology = sp.GetRequiredService<NetworkTopology>();
            // Topology id when the name or the sender's address identifies one of our routers, else the name the
            // message gives, else the sender's address.
            return (hostname, source) => topology.MatchRouter(hostname, source)?.Id ?? (string.IsNullOrWhiteSpace(hostname) ? source.ToString() : hostname);
        });
        if (config.Storage.Kind == StorageKind.Postgres)
        {
            // Shared by every silo of the cluster: whichever silo a router's telemetry reaches, every silo's API reads it.
            services.AddSingleton<ITimeSeriesStore>(sp => new PostgresTimeSeriesStore(
                sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeSeriesRetention>()));
            services.AddSingleton(sp => new PostgresSyslogStore(sp.GetRequiredService<PostgresDatabase>(), logger: sp.GetRequiredService<ILogger<PostgresSyslogStore>>()));
            services.AddSingleton(sp => new PostgresFlowStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>(),
                logger: sp.GetRequiredService<ILogger<PostgresFlowStore>>()));
            services.AddSingleton(sp => new PostgresTelemetryLog<StoredTrap>(sp.GetRequiredService<PostgresDatabase>(), "netops_traps",
                t => (t.Time, t.Router, t.Source), TimeSpan.FromDays(30), sp.GetRequiredService<ILogger<PostgresTelemetryLog<StoredTrap>>>()));
            services.AddSingleton(sp => new PostgresTelemetryLog<StoredAlert>(sp.GetRequiredService<PostgresDatabase>(), "netops_alerts",
                a => (a.ReceivedAt, a.Router, a.Receiver), TimeSpan.FromDays(30), sp.GetRequiredService<ILogger<PostgresTelemetryLog<StoredAlert>>>()));
            services.AddSingleton<ISyslogStore>(sp => sp.GetRequiredService<PostgresSyslogStore>());
            services.AddSingleton<IFlowStore>(sp => sp.GetRequiredService<PostgresFlowStore>());
            services.AddSingleton<ITelemetryLog<StoredTrap>>(sp => sp.GetRequiredService<PostgresTelemetryLog<StoredTrap>>());
            services.AddSingleton<ITelemetryLog<StoredAlert>>(sp => sp.GetRequiredService<PostgresTelemetryLog<StoredAlert>>());
            services.AddSingleton<ITelemetryRetention>(sp => sp.GetRequiredService<PostgresSyslogStore>());
            services.AddSingleton<ITelemetryRetention>(sp => sp.GetRequiredService<PostgresFlowStore>());
            services.AddSingleton<ITelemetryRetention>(sp => sp.GetRequiredService<PostgresTelemetryLog<StoredTrap>>());
            services.AddSingleton<ITelemetryRetention>(sp => sp.GetRequiredService<PostgresTelemetryLog<StoredAlert>>());
        }
        else
        {
            services.AddSingleton<ITimeSeriesStore>(sp => new MemoryTimeSeriesStore(retention: sp.GetRequiredService<TimeSeriesRetention>()));
            services.AddSingleton<ISyslogStore, MemorySyslogStore>(_ => new MemorySyslogStore());
            services.AddSingleton<IFlowStore, MemoryFlowStore>(_ => new MemoryFlowStore());
            services.AddSingleton<ITelemetryLog<StoredTrap>>(new MemoryTelemetryLog<StoredTrap>(t => t.Time, t => t.Router));
            services.AddSingleton<ITelemetryLog<StoredAlert>>(new MemoryTelemetryLog<StoredAlert>(a => a.ReceivedAt, a => a.Router));
        }

        services.AddSingleton(sp => new SyslogCollector(new SyslogCollectorOptions
            {
                Endpoint = new IPEndPoint(address, config.Listeners.SyslogPort),
                UnixPath = config.Listeners.SyslogUnixPath,
            },
            sp.GetRequiredService<ISyslogStore>(), sp.GetRequiredService<CollectorRouterMap>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SyslogCollector>>()));
        services.AddSingleton(sp => new FlowCollector(new FlowCollectorOptions { Endpoint = new IPEndPoint(address, config.Listeners.FlowPort) },
            sp.GetRequiredService<IFlowStore>(), sp.GetRequiredService<CollectorRouterMap>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FlowCollector>>()));
        services.AddSingleton(sp => new SnmpTrapCollector(new SnmpTrapCollectorOptions { Endpoint = new IPEndPoint(address, config.Listeners.SnmpTrapPort) },
            sp.GetRequiredService<ITelemetryLog<StoredTrap>>(), sp.GetRequiredService<CollectorRouterMap>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SnmpTrapCollector>>()));
        services.AddHostedService<TelemetryCollectorsService>();
        return services;
    }
}
