using System.Diagnostics;

namespace OrleansNetOps.Silo.Observability;

/// <summary>
/// Maps <c>GET /metrics</c>: the grain runtime's counters and a few process figures in Prometheus text format.
/// Anonymous, as scrapers usually are; it tells counts, never names or keys.
/// </summary>
internal static class MetricsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (HttpContext http) => Results.Text(Render() + OrleansNetOps.Silo.Telemetry.CollectorsMetrics.Render(http.RequestServices), PrometheusTextWriter.ContentType))
            .AllowAnonymous()
            .WithTags("Observability")
            .WithName("Metrics")
            .WithSummary("Prometheus text exposition of the service's own counters.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
    }

    public static string Render()
    {
        var w = new PrometheusTextWriter();
        using (var process = Process.GetCurrentProcess())
        {
            w.Gauge("process_working_set_bytes", "Physical memory used by the process.", process.WorkingSet64);
            w.Counter("process_cpu_seconds_total", "User and system CPU time used by the process.", process.TotalProcessorTime.TotalSeconds);
        }

        w.Gauge("process_start_time_seconds", "When the process started, in seconds since the Unix epoch.", ProcessClock.StartedAt.ToUnixTimeMilliseconds() / 1000.0);
        w.Gauge("process_uptime_seconds", "How long the process has run.", ProcessClock.Uptime.TotalSeconds);
        w.Gauge("dotnet_gc_heap_bytes", "Bytes on the managed heap.", GC.GetTotalMemory(forceFullCollection: false));
        w.Counter("dotnet_gc_collections_total", "Garbage collections of generation 0 (which every collection includes).", GC.CollectionCount(0));
        return w.ToString();
    }
}
