using System.Diagnostics.Metrics;
using OrleansNetOps.Collectors;
using OrleansNetOps.Collectors.Bmp;

namespace OrleansNetOps.Silo.Telemetry;

/// <summary>
/// The collectors' counters as observable instruments: read at each scrape from the same counters
/// <c>GET /api/v1/collectors</c> reports, so the two never disagree and the receive paths pay nothing extra.
/// Every series carries the collector's name (<c>collector="bmp"</c>); rejections also carry their reason.
/// </summary>
internal static class CollectorsMetrics
{
    public static void Register(Meter meter, IServiceProvider services)
    {
        var collectors = TelemetryEndpoints.Collectors(services);
        var bmp = services.GetRequiredService<BmpCollector>();
        meter.CreateObservableCounter("netops.collector.received", () => Each(collectors, c => c.Received),
            "{message}", "Messages or datagrams a collector received.");
        meter.CreateObservableCounter("netops.collector.parsed", () => Each(collectors, c => c.Parsed),
            "{message}", "Messages a collector parsed.");
        meter.CreateObservableCounter("netops.collector.rejected", () => Rejected(collectors),
            "{message}", "Messages a collector rejected, by reason.");
        meter.CreateObservableCounter("netops.collector.bytes", () => Each(collectors, c => c.Bytes),
            "By", "Bytes a collector received.");
        meter.CreateObservableGauge("netops.collector.listening", () => Each(collectors, c => c.Listening ? 1L : 0L),
            null, "1 while a collector's listener is bound, else 0.");
        meter.CreateObservableGauge("netops.collector.sources", () => Each(collectors, c => (long)c.Sources.Count),
            "{source}", "Distinct sources (routers, exporters) a collector heard from.");
        meter.CreateObservableUpDownCounter("netops.bmp.connections", () => bmp.OpenConnections,
            "{connection}", "BMP connections open now.");
    }

    private static IEnumerable<Measurement<long>> Each(IReadOnlyList<CollectorCounters> collectors, Func<CollectorCounters, long> value) =>
        collectors.Select(c => new Measurement<long>(value(c), Collector(c)));

    private static IEnumerable<Measurement<long>> Rejected(IReadOnlyList<CollectorCounters> collectors) =>
        collectors.SelectMany(c => c.Rejected.Select(r => new Measurement<long>(r.Value, Collector(c), new KeyValuePair<string, object?>("reason", r.Key))));

    private static KeyValuePair<string, object?> Collector(CollectorCounters counters) => new("collector", counters.Name);
}
