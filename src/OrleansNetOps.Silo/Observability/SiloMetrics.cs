using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace OrleansNetOps.Silo.Observability;

/// <summary>
/// <c>GET /metrics</c> through OpenTelemetry's Prometheus exporter: Orleans' own meter (activations, messaging,
/// directory, membership, streams), ours (collectors, BMP, BGP sessions), the .NET runtime's (GC, CPU, working set)
/// and ASP.NET Core's. Anonymous, as scrapers usually are; it tells counts, never names or keys.
/// </summary>
internal static class SiloMetrics
{
    /// <summary>Our meters: <see cref="SiloMeterName"/> here, the grains' own under the same prefix.</summary>
    public const string OwnMeters = "OrleansNetOps.*";

    /// <summary>The silo process's meter (collectors, BMP connections, uptime).</summary>
    public const string SiloMeterName = "OrleansNetOps.Silo";

    // target_info's service_name, so a scraper tells this service from the other .NET processes it scrapes.
    private const string ServiceName = "orleansnetops";

    // The meter Orleans' runtime reports on (Orleans.Runtime.Instruments).
    private const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Registers the meter provider, its Prometheus exporter and the silo's instruments.</summary>
    public static IServiceCollection AddSiloMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OrleansMeter, OwnMeters, "System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                    // A scrape reads the figures of that moment: the default 300 ms cache would hand two quick scrapers the same stale page.
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                // A meter provider hears every meter of its name in the process. Meters made by another host's factory
                // (several hosts in one test process) are that host's to report, not this one's.
                ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
                {
                    var own = provider.GetRequiredService<IMeterFactory>();
                    builder.AddView(instrument => instrument.Meter.Scope is IMeterFactory other && !ReferenceEquals(other, own) ? MetricStreamConfiguration.Drop : null);
                });
            });
        services.AddSingleton<SiloMeter>();
        return services;
    }

    /// <summary>
    /// Maps <c>GET /metrics</c> as an ordinary endpoint (so OpenAPI lists it) that runs the exporter's middleware,
    /// and creates the silo's observable instruments.
    /// </summary>
    public static void MapSiloMetrics(this IEndpointRouteBuilder endpoints)
    {
        // Instruments exist from the first scrape on only if created now: the meter provider listens for them as they appear.
        _ = endpoints.ServiceProvider.GetRequiredService<SiloMeter>();
        // The exporter ships as middleware; run as the whole pipeline of a branch, it answers every request it is given.
        var exporter = endpoints.CreateApplicationBuilder().UseOpenTelemetryPrometheusScrapingEndpoint(_ => true).Build();
        endpoints.MapGet("/metrics", async (HttpContext http) =>
            {
                await exporter(http).ConfigureAwait(false);
                return Results.Empty;
            })
            .AllowAnonymous()
            .WithTags("Observability")
            .WithName("Metrics")
            .WithSummary("Prometheus text exposition: Orleans' meters, the service's own counters, the .NET runtime's.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
    }
}
