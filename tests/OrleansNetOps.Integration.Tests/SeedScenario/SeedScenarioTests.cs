using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using OrleansNetOps.Lab.Scenarios;
using Xunit.Abstractions;

namespace OrleansNetOps.Integration.Tests.SeedScenario;

/// <summary>
/// SPEC §3's seed scenario on real FRR: utilisation toward ISP-A ramps (scenario input, posted to the metrics API)
/// while the R1–ISP-A veth goes down and the session dies by its hold timer. What is real: the cut, BMP's Peer Down,
/// every routing change. The test measures what the service then does — incidents, the actions it plans, their tiers
/// and verdicts, and how long after the Peer Down a change is committed to FRR — and writes it out.
/// </summary>
public sealed class SeedScenarioTests(SeedLabWithDrivers fixture, ITestOutputHelper output) : IClassFixture<SeedLabWithDrivers>
{
    private const string IspAOnR1 = "203.0.113.2";
    private static readonly TimeSpan s_watch = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_fibre_cut_during_the_ramp_is_seen_as_BMP_peer_down_and_the_service_response_is_measured()
    {
        var report = new StringBuilder();
        var started = DateTimeOffset.UtcNow;

        // Three minutes of history toward ISP-A on R1, rising toward 85 %.
        var history = Enumerable.Range(0, 18).Select(i => (At: started.AddSeconds(-180 + (i * 10)), Value: 60.0 + (i * 1.3))).ToList();
        await PostUtilisationAsync(history);

        var cut = Stopwatch.StartNew();
        var cutAt = DateTimeOffset.UtcNow;
        await fixture.Lab.ApplyAsync(new SetLinkState("R1", "ISP-A", Up: false));
        try
        {
            var ramp = history[^1].Value;
            DateTimeOffset? peerDown = null;
            var incidents = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var actions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            while (cut.Elapsed < s_watch)
            {
                ramp = Math.Min(90, ramp + 0.5);
                await PostUtilisationAsync([(DateTimeOffset.UtcNow, ramp)]);
                if (peerDown is null && await IsDownAsync())
                {
                    peerDown = DateTimeOffset.UtcNow;
                    report.AppendLine(CultureInfo.InvariantCulture, $"BMP Peer Down for R1–ISP-A seen by the API {(peerDown.Value - cutAt).TotalSeconds:0.0} s after the cut");
                }

                foreach (var incident in (await fixture.SendAsync(HttpMethod.Get, "/api/v1/incidents")).EnumerateArray())
                {
                    incidents[incident.GetProperty("id").GetString()!] = incident;
                }

                foreach (var action in (await fixture.SendAsync(HttpMethod.Get, "/api/v1/actions")).EnumerateArray())
                {
                    actions[action.GetProperty("id").GetString()!] = action;
                }

                await Task.Delay(500);
            }

            Assert.True(peerDown is not null, $"BMP never reported R1's session to ISP-A down within {s_watch.TotalSeconds:0} s of the cut");
            report.AppendLine(CultureInfo.InvariantCulture, $"incidents opened: {incidents.Count}");
            foreach (var incident in incidents.Values)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {incident.GetProperty("id")} {incident.GetProperty("severity")} {incident.GetProperty("state")}: {incident.GetProperty("title")} (actions: {incident.GetProperty("actionIds")})");
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"actions: {actions.Count}");
            foreach (var id in actions.Keys)
            {
                var action = await fixture.SendAsync(HttpMethod.Get, "/api/v1/actions/" + id);
                var execution = (await fixture.SendAsync(HttpMethod.Get, "/api/v1/audit?actionId=" + id)).EnumerateArray()
                    .FirstOrDefault(e => e.GetProperty("kind").GetString() == "execution");
                var committed = execution.ValueKind == JsonValueKind.Object && peerDown is { } down
                    ? string.Create(CultureInfo.InvariantCulture, $", committed to FRR {(execution.GetProperty("at").GetDateTimeOffset() - down).TotalSeconds:0.00} s after the Peer Down ({execution.GetProperty("decision")})")
                    : string.Empty;
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"  {id}: {action.GetProperty("action")} on {action.GetProperty("router")} {action.GetProperty("params")} tier {action.GetProperty("tier")} → {action.GetProperty("state")}{committed}; violations {action.GetProperty("violations")}");
            }

            Assert.True((await fixture.SendAsync(HttpMethod.Get, "/api/v1/audit/verify")).GetProperty("valid").GetBoolean());

            // One cut, one incident: the Peer Down, the routes it withdrew and the ramp correlate into it.
            Assert.Single(incidents.Values);
        }
        finally
        {
            output.WriteLine(report.ToString());
            await fixture.Lab.ApplyAsync(new SetLinkState("R1", "ISP-A", Up: true));
        }
    }

    private async Task<bool> IsDownAsync()
    {
        var peers = await fixture.SendAsync(HttpMethod.Get, "/api/v1/routers/R1/peers");
        var peer = peers.EnumerateArray().FirstOrDefault(p => p.GetProperty("peerAddress").GetString() == IspAOnR1);
        return peer.ValueKind == JsonValueKind.Object && peer.GetProperty("state").GetString() != "established";
    }

    private Task PostUtilisationAsync(IEnumerable<(DateTimeOffset At, double Value)> points) =>
        fixture.SendAsync(HttpMethod.Post, "/api/v1/telemetry/metrics", points.Select(p => new
        {
            router = "R1",
            path = "/probes/isp[name=ISP-A]/utilisation-pct",
            value = p.Value,
            timestamp = p.At.ToString("O", CultureInfo.InvariantCulture),
            tags = ScenarioProbes.Label,
        }).ToArray(), HttpStatusCode.Accepted);
}
