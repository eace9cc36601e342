using OrleansNetOps.Silo.Observability;

namespace OrleansNetOps.Silo.Telemetry;

/// <summary>
/// The collectors' counters in Prometheus text, appended to <c>/metrics</c>: one family per collector and counter
/// (<c>netops_collector_syslog_received_total</c>), without labels like the rest of the page. Rejections are
/// summed here; their reasons are listed by <c>GET /api/v1/collectors</c>.
/// </summary>
internal static class CollectorsMetrics
{
    public static string Render(IServiceProvider services)
    {
        var w = new PrometheusTextWriter();
        foreach (var c in TelemetryEndpoints.Collectors(services))
        {
            var prefix = "netops_collector_" + c.Name.Replace('-', '_');
            w.Gauge(prefix + "_listening", $"1 when the {c.Name} listener ({c.Protocol}) is bound, else 0.", c.Listening ? 1 : 0);
            w.Counter(prefix + "_received_total", $"Messages or datagrams the {c.Name} collector received.", c.Received);
            w.Counter(prefix + "_parsed_total", $"Messages the {c.Name} collector parsed.", c.Parsed);
            w.Counter(prefix + "_rejected_total", $"Messages the {c.Name} collector rejected (all reasons).", c.Rejected.Values.Sum());
            w.Counter(prefix + "_bytes_total", $"Bytes the {c.Name} collector received.", c.Bytes);
            w.Gauge(prefix + "_sources", $"Distinct sources the {c.Name} collector heard from.", c.Sources.Count);
        }

        return w.ToString();
    }
}
