using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Configuration;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Telemetry.Alerts;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.Snmp;
using OrleansNetOps.Telemetry.Storage;
using OrleansNetOps.Telemetry.Syslog;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>Routes stored telemetry to the analyst grains: the stores stay the read models, decorated to feed the analysts.</summary>
internal static class AnalysisServices
{
    /// <summary>Call after the telemetry stores are registered.</summary>
    /// <exception cref="ConfigException">The AS-relationship file cannot be read or has a malformed line.</exception>
    public static IServiceCollection AddAnalysis(this IServiceCollection services, SiloConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Analysis.RouteDetectors)
        {
            var relationships = Relationships(config.Analysis);
            services.AddSingleton(sp => RouteOptions(config.Analysis, relationships, sp.GetRequiredService<OrleansNetOps.Topology.NetworkTopology>().Asn));
        }

        services.AddSingleton<AnalystFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalystFeed>());
        services.AddSingleton<LogTemplateIds>();
        Decorate<ITimeSeriesStore>(services, (sp, store) => new AnalysedTimeSeriesStore(store, sp.GetRequiredService<AnalystFeed>()));
        Decorate<ISyslogStore>(services, (sp, store) => new AnalysedSyslogStore(store, sp.GetRequiredService<AnalystFeed>()));
        services.AddSingleton<FlowVolumeFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<FlowVolumeFeed>());
        Decorate<IFlowStore>(services, (sp, store) => new AnalysedFlowStore(store, sp.GetRequiredService<FlowVolumeFeed>()));
        Decorate<ITelemetryLog<StoredTrap>>(services, (sp, log) => new AnalysedTelemetryLog<StoredTrap>(log, sp.GetRequiredService<AnalystFeed>().Offer));
        Decorate<ITelemetryLog<StoredAlert>>(services, (sp, log) => new AnalysedTelemetryLog<StoredAlert>(log, sp.GetRequiredService<AnalystFeed>().Offer));
        return services;
    }

    /// <summary>What the route analysts check against: the relationships read at startup, our prefixes owned by our AS.</summary>
    internal static RouteAnalystOptions RouteOptions(AnalysisConfig analysis, AsRelationships relationships, uint ourAs) => new()
    {
        Relationships = relationships,
        OwnPrefixes = new PrefixOwnership(analysis.OwnPrefixes.Select(p => (p, ourAs))),
        Origins = new OriginMonitorOptions { MaxPrefixes = analysis.MaxTrackedPrefixes },
    };

    /// <summary>The configured AS-relationship file, read now so a bad file stops the silo at startup.</summary>
    /// <exception cref="ConfigException">The file cannot be read or has a malformed line.</exception>
    internal static AsRelationships Relationships(AnalysisConfig analysis)
    {
        const string Key = "analysis.asRelationshipsFile";
        if (analysis.AsRelationshipsFile is not { } file)
        {
            return AsRelationships.Empty;
        }

        try
        {
            using var reader = File.OpenText(file);
            return AsRelationships.Parse(reader, file);
        }
        catch (FormatException error)
        {
            throw new ConfigException(new ConfigError(file, Key, error.Message));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(new ConfigError(file, Key, $"cannot read the AS-relationship file: {error.Message}"));
        }
    }

    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> decorate)
        where T : class
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} must be registered before the analysts are added");
        services.Remove(registered);
        services.AddSingleton(sp => decorate(sp, registered switch
        {
            { ImplementationInstance: T instance } => instance,
            { ImplementationFactory: { } factory } => (T)factory(sp),
            { ImplementationType: { } type } => (T)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException($"{typeof(T).Name} is registered in a way that cannot be decorated"),
        }));
    }
}
