using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using OrleansNetOps.Lab.Scenarios;
using Xunit.Abstractions;

namespace OrleansNetOps.Integration.Tests.SeedScenario;

/// <summary>
/// SPEC §3's seed scenario on real FRR: utilisation toward ISP-A ramps (scenario input, posted to the metrics API) past
/// the floor — an incident opens and plans for the congestion — and while it rises the R1–ISP-A veth goes down and the
/// session dies by its hold timer. What is real: the cut, BMP's Peer Down, every routing and configuration change. One
/// incident, which plans again for the lost session (withdrawing the congestion's waiting shift); its plan passes the twin; a T1 change is committed to FRR
/// within 5 s of the Peer Down and is in FRR's running config; an unsafe alternative is recorded blocked with its
/// violations; when the fibre is repaired FRR routes exactly as the twin predicted for the change, and BMP shows it;
/// the audit chain verifies. The measured times are written out.
/// </summary>
public sealed class SeedScenarioTests(SeedLabWithDrivers fixture, ITestOutputHelper output) : IClassFixture<SeedLabWithDrivers>
{
    private const string IspAOnR1 = "203.0.113.2";
    private const string R1OnR3 = "198.51.100.18";

    // Announced by ISP-A alone: while the session is down nobody has it; when it returns R1's policy is what R3 sees.
    private const string OnlyViaIspA = "93.184.216.0/24";
    private static readonly TimeSpan s_budget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_watch = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_converge = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_fibre_cut_during_the_ramp_gets_a_T1_change_on_FRR_within_5_s_of_BMP_peer_down_as_the_twin_predicted_with_the_unsafe_alternative_blocked()
    {
        var report = new StringBuilder();
        var configBefore = await fixture.Lab.RunningConfigAsync("R1");
        var started = DateTimeOffset.UtcNow;

        // Eight hours of history toward ISP-A on R1, one point a minute (enough past forecast origins for the forecaster
        // to leave its cold start): steady around 55 %, then the last half hour rising toward 85 %. The ramp then crosses
        // the floor and the congestion is planned for (a shift off ISP-A that waits for a person: there are no flows to
        // size it) before the cut.
        var history = Enumerable.Range(0, 450).Select(i => (At: started.AddMinutes(-480 + i), Value: 55.0 + (2 * Math.Sin(i / 7.0))))
            .Concat(Enumerable.Range(0, 30).Select(i => (At: started.AddMinutes(-30 + i), Value: 57.0 + (i * 0.8))))
            .ToList();
        await PostUtilisationAsync(history);

        // The forecast finds the ramp before it crosses the floor: ISP-A's utilisation reaches 85 % in so many minutes.
        var forecasting = Stopwatch.StartNew();
        JsonElement forecast = default;
        while (forecast.ValueKind != JsonValueKind.Object && forecasting.Elapsed < TimeSpan.FromSeconds(30))
        {
            forecast = (await fixture.SendAsync(HttpMethod.Get, "/api/v1/forecasts?router=R1")).EnumerateArray().FirstOrDefault(f =>
                f.GetProperty("path").GetString()!.Contains("ISP-A", StringComparison.Ordinal) && f.GetProperty("etaMinutes").ValueKind == JsonValueKind.Number);
            await Task.Delay(forecast.ValueKind == JsonValueKind.Object ? 0 : 500);
        }

        Assert.True(forecast.ValueKind == JsonValueKind.Object, $"no forecast of ISP-A's utilisation on R1 within 30 s of a ramp to {history[^1].Value:0.#} %");
        Assert.Equal(85, forecast.GetProperty("threshold").GetDouble());
        Assert.InRange(forecast.GetProperty("etaMinutes").GetDouble(), 0, 30);
        report.AppendLine(CultureInfo.InvariantCulture, $"forecast at {history[^1].Value:0.#} %: {forecast.GetProperty("path")} reaches {forecast.GetProperty("threshold")} % in ~{forecast.GetProperty("etaMinutes").GetDouble():0.#} min ({forecast.GetProperty("low")}–{forecast.GetProperty("high")}), found {forecasting.Elapsed.TotalSeconds:0.0} s after the history was posted");

        var ramp = history[^1].Value;
        var rising = Stopwatch.StartNew();
        string? congestionAction = null;
        while (congestionAction is null && rising.Elapsed < s_watch)
        {
            ramp = Math.Min(90, ramp + 1);
            await PostUtilisationAsync([(DateTimeOffset.UtcNow, ramp)]);
            congestionAction = (await IncidentsAsync()).SelectMany(i => i.GetProperty("actionIds").EnumerateArray()).Select(a => a.GetString()).FirstOrDefault();
            await Task.Delay(1000);
        }

        Assert.True(congestionAction is not null, $"the ramp to {ramp:0} % was not planned for within {s_watch.TotalSeconds:0} s");
        var planned = await UntilAsync(congestionAction!, a => State(a) is not ("INITIATED" or "ANALYZING" or "PLANNING"), 30);
        report.AppendLine(CultureInfo.InvariantCulture, $"before the cut: the ramp at {ramp:0} % planned as {planned.GetProperty("action")} on {planned.GetProperty("router")} {planned.GetProperty("params")} tier {planned.GetProperty("tier")} → {State(planned)}");

        var cut = Stopwatch.StartNew();
        var cutAt = DateTimeOffset.UtcNow;
        await fixture.Lab.ApplyAsync(new SetLinkState("R1", "ISP-A", Up: false));
        var restored = false;
        try
        {
            // The ramp goes on while the hold timer runs; watch for the Peer Down and the incident's executed change.
            var lastPost = Stopwatch.StartNew();
            DateTimeOffset? seenDown = null;
            JsonElement execution = default;
            string? actionId = null;
            while (cut.Elapsed < s_watch && execution.ValueKind != JsonValueKind.Object)
            {
                if (lastPost.Elapsed >= TimeSpan.FromSeconds(1))
                {
                    ramp = Math.Min(90, ramp + 1);
                    await PostUtilisationAsync([(DateTimeOffset.UtcNow, ramp)]);
                    lastPost.Restart();
                }

                if (seenDown is null && await PeerAsync() is { } peer && peer.GetProperty("state").GetString() != "established")
                {
                    seenDown = DateTimeOffset.UtcNow;
                }

                if (seenDown is not null && (await IncidentsAsync()).FirstOrDefault() is { ValueKind: JsonValueKind.Object } open
                    && open.GetProperty("actionIds").EnumerateArray().LastOrDefault() is { ValueKind: JsonValueKind.String } latest && latest.GetString() != congestionAction)
                {
                    actionId = latest.GetString()!;
                    execution = (await fixture.SendAsync(HttpMethod.Get, "/api/v1/audit?actionId=" + actionId)).EnumerateArray()
                        .FirstOrDefault(e => e.GetProperty("kind").GetString() == "execution");
                }

                await Task.Delay(100);
            }

            Assert.True(seenDown is not null, $"BMP never reported R1's session to ISP-A down within {s_watch.TotalSeconds:0} s of the cut");
            var bmpDown = (await PeerAsync())!.Value.GetProperty("lastDownAt").GetDateTimeOffset();
            report.AppendLine(CultureInfo.InvariantCulture, $"cut → BMP Peer Down message {(bmpDown - cutAt).TotalSeconds:0.00} s (FRR's timestamp), seen through the API {(seenDown!.Value - cutAt).TotalSeconds:0.00} s");

            // Exactly one incident: the ramp, the Peer Down and the routes it withdrew correlate into it.
            var incidents = await IncidentsAsync();
            var only = Assert.Single(incidents);
            var incident = await fixture.SendAsync(HttpMethod.Get, "/api/v1/incidents/" + only.GetProperty("id").GetString());
            report.AppendLine(CultureInfo.InvariantCulture, $"incident {incident.GetProperty("id")} {incident.GetProperty("severity")}: {incident.GetProperty("title")} ({incident.GetProperty("rootCause").GetProperty("subject")}, confidence {incident.GetProperty("rootCause").GetProperty("confidence").GetDouble():0.###}, fault {incident.GetProperty("rootCause").GetProperty("fault")})");
            foreach (var entry in incident.GetProperty("timeline").EnumerateArray())
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {entry.GetProperty("at").GetDateTimeOffset():HH:mm:ss.fff} {entry.GetProperty("kind")}: {entry.GetProperty("text")}");
            }

            Assert.True(actionId is not null && execution.ValueKind == JsonValueKind.Object, $"no change of the incident was executed within {s_watch.TotalSeconds:0} s of the cut:\n{report}");

            // The lost session is a deeper cause than the congestion: the incident planned again and withdrew the shift still waiting.
            Assert.Equal([congestionAction!, actionId!], incident.GetProperty("actionIds").EnumerateArray().Select(a => a.GetString()!));
            if (State(planned) == "AWAITING_APPROVAL")
            {
                var withdrawn = await fixture.SendAsync(HttpMethod.Get, "/api/v1/actions/" + congestionAction);
                Assert.Equal("REJECTED", State(withdrawn));
                report.AppendLine(CultureInfo.InvariantCulture, $"the ramp's {congestionAction} → {State(withdrawn)}");
            }
            var action = await UntilAsync(actionId!, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED", 60);
            var audit = (await fixture.SendAsync(HttpMethod.Get, "/api/v1/audit?actionId=" + actionId)).EnumerateArray().ToList();
            var executedAt = execution.GetProperty("at").GetDateTimeOffset();
            report.AppendLine(CultureInfo.InvariantCulture, $"action {actionId}: {action.GetProperty("action")} on {action.GetProperty("router")} {action.GetProperty("params")} tier {action.GetProperty("tier")} → {State(action)}");
            foreach (var entry in audit)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  audit {entry.GetProperty("at").GetDateTimeOffset():HH:mm:ss.fff} {entry.GetProperty("kind")} {entry.GetProperty("decision")} (+{(entry.GetProperty("at").GetDateTimeOffset() - bmpDown).TotalSeconds:0.000} s after the Peer Down message)");
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"committed to FRR {(executedAt - bmpDown).TotalSeconds:0.000} s after the BMP Peer Down message, {(executedAt - seenDown.Value).TotalSeconds:0.000} s after the API showed it");

            // The plan: the chosen change passed the twin and is T1; an unsafe alternative is blocked with its violations.
            var plan = incident.GetProperty("plan").EnumerateArray().ToList();
            foreach (var candidate in plan)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  plan {candidate.GetProperty("id")} {candidate.GetProperty("action")} on {candidate.GetProperty("router")} {candidate.GetProperty("params")}: {candidate.GetProperty("outcome")} {candidate.GetProperty("tier")} blast {candidate.GetProperty("blast").GetDouble():0.###} violations {candidate.GetProperty("violations")}");
            }

            var chosen = Assert.Single(plan, c => c.GetProperty("outcome").GetString() == "chosen");
            Assert.Equal("T1", chosen.GetProperty("tier").GetString());
            Assert.NotEqual("NO_ACTION", chosen.GetProperty("action").GetString());
            Assert.Equal((chosen.GetProperty("action").GetString(), chosen.GetProperty("router").GetString()), (action.GetProperty("action").GetString(), action.GetProperty("router").GetString()));
            Assert.True(action.GetProperty("whatIf").GetProperty("passed").GetBoolean());
            Assert.Equal("T1", action.GetProperty("tier").GetString());
            Assert.True(State(action) == "COMPLETED", action.ToString());
            var blocked = plan.Where(c => c.GetProperty("outcome").GetString() == "blocked").ToList();
            Assert.Contains(blocked, c => c.GetProperty("violations").EnumerateArray().Any(v => v.GetString()!.Contains("blackhole", StringComparison.Ordinal)));

            // Committed to real FRR within 5 s of the BMP Peer Down, read back, and in FRR's running config.
            Assert.Equal("APPLIED", execution.GetProperty("decision").GetString());
            Assert.True(execution.GetProperty("detail").GetProperty("readBackConfirmed").GetBoolean());
            Assert.True(executedAt - bmpDown <= s_budget, $"committed {(executedAt - bmpDown).TotalSeconds:0.000} s after the Peer Down:\n{report}");
            var configAfter = await fixture.Lab.RunningConfigAsync("R1");
            Assert.DoesNotContain(" set local-preference 50", configBefore, StringComparison.Ordinal);
            Assert.Contains(" set local-preference 50", configAfter, StringComparison.Ordinal);
            Assert.Contains($" neighbor {IspAOnR1} route-map", configAfter, StringComparison.Ordinal);

            // The twin's prediction for the repaired fibre with the change in place; then the fibre is repaired.
            var predicted = (await fixture.SendAsync(HttpMethod.Post, "/api/v1/twin/whatif", new
            {
                changes = new object[]
                {
                    new { router = action.GetProperty("router").GetString(), action = action.GetProperty("action").GetString(), @params = action.GetProperty("params") },
                    new { router = "R1", action = "LINK_UP", @params = new { peer = "ISP-A" } },
                },
            })).GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("router").GetString()!.StartsWith('R')).ToList();
            Assert.NotEmpty(predicted);
            await fixture.Lab.ApplyAsync(new SetLinkState("R1", "ISP-A", Up: true));
            restored = true;
            var differences = await FrrAgainstTwin.BestPathDifferencesAsync(fixture, predicted, s_converge);
            Assert.True(differences.Count == 0, "after the repair FRR differs from the twin's prediction:\n" + string.Join('\n', differences));
            report.AppendLine(CultureInfo.InvariantCulture, $"fibre repaired: the twin's {predicted.Count} predicted best-path changes are all in FRR ({string.Join(", ", predicted.Select(c => c.GetProperty("prefix").GetString()).Distinct())})");

            // BMP: R1 now sends the reflector ISP-A's routes at the LOCAL_PREF the change set.
            var bmp = await FrrAgainstTwin.BmpLocalPrefAsync(fixture, "R3", R1OnR3, OnlyViaIspA, 50, s_converge);
            report.AppendLine(CultureInfo.InvariantCulture, $"BMP shows {OnlyViaIspA} from R1 on R3 at LOCAL_PREF 50 {bmp.TotalSeconds:0.0} s after the check began");

            Assert.True((await fixture.SendAsync(HttpMethod.Get, "/api/v1/audit/verify")).GetProperty("valid").GetBoolean());
        }
        finally
        {
            output.WriteLine(report.ToString());
            if (!restored)
            {
                await fixture.Lab.ApplyAsync(new SetLinkState("R1", "ISP-A", Up: true));
            }
        }
    }

    private async Task<JsonElement?> PeerAsync()
    {
        var peers = await fixture.SendAsync(HttpMethod.Get, "/api/v1/routers/R1/peers");
        var peer = peers.EnumerateArray().FirstOrDefault(p => p.GetProperty("peerAddress").GetString() == IspAOnR1);
        return peer.ValueKind == JsonValueKind.Object ? peer : null;
    }

    private async Task<List<JsonElement>> IncidentsAsync() => [.. (await fixture.SendAsync(HttpMethod.Get, "/api/v1/incidents")).EnumerateArray()];

    private async Task<JsonElement> UntilAsync(string id, Func<JsonElement, bool> done, double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var action = await fixture.SendAsync(HttpMethod.Get, "/api/v1/actions/" + id);
            if (done(action) || clock.Elapsed.TotalSeconds > seconds)
            {
                return action;
            }

            await Task.Delay(200);
        }
    }

    private static string State(JsonElement action) => action.GetProperty("state").GetString()!;

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
