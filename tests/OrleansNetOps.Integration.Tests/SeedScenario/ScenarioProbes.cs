using System.Globalization;
using System.Net;

namespace OrleansNetOps.Integration.Tests.SeedScenario;

/// <summary>
/// The scenario's probe series: latency and loss per router and ISP, posted to the metrics API like any probe
/// exporter would, and tagged <c>source: scenario</c> — scenario input, not measured. Routing is real; these are not.
/// </summary>
public static class ScenarioProbes
{
    /// <summary>The tag every scenario point carries.</summary>
    public static readonly IReadOnlyDictionary<string, string> Label = new Dictionary<string, string>(StringComparer.Ordinal) { ["source"] = "scenario" };

    /// <summary>Posts one latency and one loss point per time in <paramref name="times"/> for the path to <paramref name="isp"/> via <paramref name="router"/>.</summary>
    public static Task PostAsync(SeedLabWithDrivers lab, string router, string isp, IEnumerable<DateTimeOffset> times, double latencyMs, double lossPct)
    {
        ArgumentNullException.ThrowIfNull(lab);
        return lab.SendAsync(HttpMethod.Post, "/api/v1/telemetry/metrics", times.SelectMany(t => new object[]
        {
            new { router, path = $"/probes/isp[name={isp}]/latency-ms", value = latencyMs, timestamp = t.ToString("O", CultureInfo.InvariantCulture), tags = Label },
            new { router, path = $"/probes/isp[name={isp}]/loss-pct", value = lossPct, timestamp = t.ToString("O", CultureInfo.InvariantCulture), tags = Label },
        }).ToArray(), HttpStatusCode.Accepted);
    }

    /// <summary><paramref name="count"/> times evenly inside [<paramref name="from"/>, <paramref name="to"/>), never on the edges (they belong to the neighbouring window).</summary>
    public static IEnumerable<DateTimeOffset> Spread(DateTimeOffset from, DateTimeOffset to, int count) =>
        Enumerable.Range(1, count).Select(i => from + ((to - from) * i / (count + 1)));
}
