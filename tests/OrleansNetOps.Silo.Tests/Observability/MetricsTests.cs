using System.Net;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Observability;

public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_parse_as_prometheus_text_with_orleans_runtime_and_process_families()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        // One grain call, so the runtime has an application grain activation and a request to count.
        await silo.Grains.GetGrain<ITallyGrain>("metrics").AddAsync();

        var (exposition, contentType) = await ScrapeAsync(silo);

        Assert.StartsWith("text/plain", contentType, StringComparison.Ordinal);
        Assert.Contains("version=0.0.4", contentType, StringComparison.Ordinal);
        // Orleans' own meter: activations by grain type, and application requests.
        var grains = exposition.Family("orleans_grains");
        Assert.Equal("gauge", grains.Type);
        Assert.Contains(grains.Samples, s => s.Labels.GetValueOrDefault("grain_type", string.Empty).Contains("tally", StringComparison.OrdinalIgnoreCase) && s.Value >= 1);
        Assert.Contains(exposition.Families.Keys, name => name.StartsWith("orleans_app_requests_latency", StringComparison.Ordinal));
        // The runtime's and ours.
        Assert.True(exposition.Family("dotnet_process_memory_working_set_bytes").Samples.Single().Value > 0);
        Assert.True(exposition.Family("dotnet_gc_collections_total").Samples.Sum(s => s.Value) >= 0);
        var uptime = exposition.Family("process_uptime_seconds");
        Assert.Equal("gauge", uptime.Type);
        Assert.True(uptime.Samples.Single().Value > 0);
        Assert.All(exposition.Families.Values.Where(f => f.Type == "counter"), f => Assert.EndsWith("_total", f.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_count_the_bmp_the_simulated_network_streams_per_collector()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig(simulated: true));

        var exposition = await PollAsync(silo, e => Value(e, "netops_collector_parsed_total", "bmp") > 0 && e.Family("netops_bmp_connections").Samples.Single().Value > 0);

        var parsed = Value(exposition, "netops_collector_parsed_total", "bmp");
        var received = Value(exposition, "netops_collector_received_total", "bmp");
        Assert.True(received >= parsed, $"received {received} < parsed {parsed}");
        Assert.True(Value(exposition, "netops_collector_bytes_total", "bmp") > 0);
        Assert.Equal(1, Value(exposition, "netops_collector_listening", "bmp"));
        Assert.Equal(["bmp", "flows", "snmp-traps", "syslog"], exposition.Family("netops_collector_listening").Samples.Select(s => s.Labels["collector"]).Order(StringComparer.Ordinal));
        Assert.Equal("counter", exposition.Family("netops_collector_parsed_total").Type);
        Assert.True(exposition.Family("netops_bmp_connections").Samples.Single().Value >= 1);
        // The collectors' API and the exposition read the same counters.
        var collectors = await silo.Client.GetStringAsync(new Uri("/api/v1/collectors", UriKind.Relative));
        Assert.Contains("\"name\":\"bmp\"", collectors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_need_no_key_even_when_keys_are_required()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig(AuthMode.ApiKey));

        using var response = await silo.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void The_parser_refuses_what_prometheus_would_refuse()
    {
        Assert.Contains("no TYPE", Assert.Throws<FormatException>(() => PrometheusExposition.Parse("# HELP a x\na 1\n")).Message, StringComparison.Ordinal);
        Assert.Contains("line 3", Assert.Throws<FormatException>(() => PrometheusExposition.Parse("# TYPE a gauge\na 1\na{b=\"c} 2\n")).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<FormatException>(() => PrometheusExposition.Parse("# TYPE a gauge\na{x=\"1\"} 1\na{x=\"1\"} 2\n")).Message, StringComparison.Ordinal);
        Assert.Contains("value", Assert.Throws<FormatException>(() => PrometheusExposition.Parse("# TYPE a gauge\na one\n")).Message, StringComparison.Ordinal);
        var ok = PrometheusExposition.Parse("# HELP h_seconds d\n# TYPE h_seconds histogram\nh_seconds_bucket{le=\"+Inf\",q=\"a\\\"b\"} 3 1700000000000\nh_seconds_sum 1.5e-3\nh_seconds_count 3\n");
        Assert.Equal(3, ok.Family("h_seconds").Samples.Count);
        Assert.Equal("a\"b", ok.Family("h_seconds").Samples[0].Labels["q"]);
    }

    private static double Value(PrometheusExposition exposition, string family, string collector) =>
        exposition.Families.TryGetValue(family, out var f) ? f.Samples.Where(s => s.Labels.GetValueOrDefault("collector") == collector).Sum(s => s.Value) : 0;

    private static async Task<(PrometheusExposition Exposition, string ContentType)> ScrapeAsync(TestSilo silo)
    {
        using var response = await silo.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return (PrometheusExposition.Parse(text), response.Content.Headers.ContentType?.ToString() ?? string.Empty);
    }

    private static async Task<PrometheusExposition> PollAsync(TestSilo silo, Func<PrometheusExposition, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var (exposition, _) = await ScrapeAsync(silo);
            if (done(exposition) || DateTime.UtcNow > deadline)
            {
                return exposition;
            }

            await Task.Delay(200);
        }
    }
}
