using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Observability;

public sealed partial class MetricsTests
{
    [Fact]
    public async Task Metrics_expose_process_counters_in_prometheus_text_format()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        using var response = await silo.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var samples = Parse(await response.Content.ReadAsStringAsync());
        Assert.True(samples["process_working_set_bytes"].Value > 0);
        Assert.True(samples["dotnet_gc_heap_bytes"].Value > 0);
        Assert.True(samples["process_uptime_seconds"].Value > 0);
        Assert.All(samples.Where(s => s.Key.EndsWith("_total", StringComparison.Ordinal)), s => Assert.Equal("counter", s.Value.Type));
        Assert.Equal("gauge", samples["process_working_set_bytes"].Type);
    }

    [Fact]
    public async Task Metrics_need_no_key_even_when_keys_are_required()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig(OrleansNetOps.Silo.Configuration.AuthMode.ApiKey));

        using var response = await silo.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Checks the exposition grammar line by line: every sample has HELP and TYPE lines naming it, first.</summary>
    private static Dictionary<string, (string Type, double Value)> Parse(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var help = new HashSet<string>();
        var types = new Dictionary<string, string>();
        var samples = new Dictionary<string, (string, double)>();
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            var comment = CommentLine().Match(line);
            if (comment.Success)
            {
                var name = comment.Groups["name"].Value;
                if (comment.Groups["kind"].Value == "HELP")
                {
                    Assert.True(help.Add(name), $"HELP for {name} twice");
                }
                else
                {
                    Assert.Contains(comment.Groups["rest"].Value, new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                    Assert.True(types.TryAdd(name, comment.Groups["rest"].Value), $"TYPE for {name} twice");
                }

                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a valid sample line: '{line}'");
            var metric = sample.Groups["name"].Value;
            Assert.Contains(metric, help);
            Assert.True(types.ContainsKey(metric), $"{metric} has no TYPE line before it");
            Assert.True(samples.TryAdd(metric, (types[metric], double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture))));
        }

        return samples;
    }

    [GeneratedRegex(@"^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<rest>.+)$")]
    private static partial Regex CommentLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<value>-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|[+-]Inf)$")]
    private static partial Regex SampleLine();
}
