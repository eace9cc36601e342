using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansNetOps.Collectors;
using OrleansNetOps.Collectors.Alerts;
using OrleansNetOps.Collectors.Flows;
using OrleansNetOps.Collectors.Snmp;
using OrleansNetOps.Collectors.Syslog;
using OrleansNetOps.Postgres;
using OrleansNetOps.Postgres.TimeSeries;
using OrleansNetOps.Silo.Configuration;
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
        services.AddSingleton<SyslogStore>();
        services.AddSingleton<FlowStore>();
        services.AddSingleton<TrapStore>();
        services.AddSingleton<AlertStore>();
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
            services.AddSingleton<ITimeSeriesStore>(sp => new PostgresTimeSeriesStore(
                sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeSeriesRetention>()));
        }
        else
        {
            services.AddSingleton<ITimeSeriesStore>(sp => new MemoryTimeSeriesStore(retention: sp.GetRequiredService<TimeSeriesRetention>()));
        }

        services.AddSingleton(sp => new SyslogCollector(new SyslogCollectorOptions
            {
                Endpoint = new IPEndPoint(address, config.Listeners.SyslogPort),
                UnixPath = config.Listeners.SyslogUnixPath,
            },
            sp.GetRequiredService<SyslogStore>(), sp.GetRequiredService<CollectorRouterMap>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SyslogCollector>>()));
        services.AddSingleton(sp => new FlowCollector(new FlowCollectorOptions { Endpoint = new IPEndPoint(address, config.Listeners.FlowPort) },
            sp.GetRequiredService<FlowStore>(), sp.GetRequiredService<CollectorRouterMap>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FlowCollector>>()));
        services.AddSingleton(sp => new SnmpTrapCollector(new SnmpTrapCollectorOptions { Endpoint = new IPEndPoint(address, config.Listeners.SnmpTrapPort) },
            sp.GetRequiredService<TrapStore>(), sp.GetRequiredService<CollectorRouterMap>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SnmpTrapCollector>>()));
        services.AddHostedService<TelemetryCollectorsService>();
        return services;
    }
}
