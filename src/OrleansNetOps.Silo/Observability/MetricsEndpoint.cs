using System.Diagnostics;
using RuntimeSilo = OrleansNetOps.Runtime.Silo;

namespace OrleansNetOps.Silo.Observability;

/// <summary>
/// Maps <c>GET /metrics</c>: the grain runtime's counters and a few process figures in Prometheus text format.
/// Anonymous, as scrapers usually are; it tells counts, never names or keys.
/// </summary>
internal static class MetricsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (RuntimeSilo silo, HttpContext http) => Results.Text(Render(silo) + OrleansNetOps.Silo.Telemetry.CollectorsMetrics.Render(http.RequestServices), PrometheusTextWriter.ContentType))
            .AllowAnonymous()
            .WithTags("Observability")
            .WithName("Metrics")
            .WithSummary("Prometheus text exposition of the service's own counters.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
    }

    public static string Render(RuntimeSilo silo)
    {
        var m = silo.GetMetrics();
        var w = new PrometheusTextWriter();
        w.Gauge("netops_silo_running", "1 when the grain runtime runs, else 0.", silo.IsRunning ? 1 : 0);
        w.Gauge("netops_grain_activations", "Grain activations in memory now.", m.Activations);
        w.Counter("netops_grain_activations_created_total", "Grain activations created.", m.ActivationsCreated);
        w.Counter("netops_grain_activation_failures_total", "Grain activations that failed in OnActivateAsync.", m.ActivationFailures);
        w.Counter("netops_grain_deactivations_total", "Grain activations deactivated.", m.Deactivations);
        w.Counter("netops_grain_calls_total", "Grain calls started.", m.CallsStarted);
        w.Counter("netops_grain_call_failures_total", "Grain calls that ended in an exception.", m.CallsFailed);
        w.Counter("netops_grain_call_timeouts_total", "Grain calls that exceeded the response timeout.", m.CallTimeouts);
        w.Gauge("netops_grain_queued_requests", "Grain requests waiting for their activation's turn.", m.QueuedRequests);
        w.Gauge("netops_grain_running_requests", "Grain requests running now.", m.RunningRequests);
        w.Gauge("netops_grain_max_queue_depth", "The deepest request queue of any activation now.", m.MaxQueueDepth);
        w.Counter("netops_stream_events_published_total", "Stream events published.", m.StreamEventsPublished);
        w.Counter("netops_stream_events_delivered_total", "Stream events delivered to subscribers.", m.StreamEventsDelivered);
        w.Counter("netops_stream_delivery_failures_total", "Stream deliveries that failed.", m.StreamDeliveryFailures);
        w.Counter("netops_stream_events_dropped_total", "Stream events dropped.", m.StreamEventsDropped);
        w.Counter("netops_reminder_ticks_total", "Reminder ticks delivered to grains.", m.ReminderTicks);

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
