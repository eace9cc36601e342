using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Hosting;
using OrleansNetOps.Silo.Simulation;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.Telemetry.TimeSeries;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Tests.Incidents;

/// <summary>
/// The embedded default's closed loop end to end, with nothing fed by the test: the demo's simulated traffic (flows,
/// utilisation, probes) reaches the real analysts, the correlator opens a congestion incident, the planner proves every
/// candidate on the twin with the measured traffic and probes, and governance lets the narrow shift run alone; the
/// simulated driver applies it, the simulated routers carry it and the probes after it verify it.
/// </summary>
public sealed class ClosedLoopT1Tests
{
    // The demo at one sample a second (the ramp's 2.5 points a step crosses the floor in about 11 s) and the SLA
    // verification's windows shortened to match; the fibre-cut cycle is pushed out of the way.
    private static Task<TestSilo> DemoSiloAsync() => TestSilo.StartAsync(new SiloHostOptions
    {
        Config = TestSilo.MemoryConfig(simulated: true) with
        {
            Network = new NetworkConfig { Simulated = true, SimulationStepSeconds = 3600, Demo = true, DemoStepSeconds = 1 },
        },
        Guardrails = GovernancePolicy.Default with
        {
            Verification = GovernancePolicy.Default.Verification with { Settle = TimeSpan.FromSeconds(2), After = TimeSpan.FromSeconds(8) },
        },
    });

    [Fact]
    public async Task The_ramp_opens_a_congestion_incident_whose_narrow_shift_runs_as_T1_reaches_the_simulated_routers_and_is_verified()
    {
        await using var silo = await DemoSiloAsync();
        var topology = silo.App.Services.GetRequiredService<NetworkTopology>();
        var (isp, router) = SimulatedTrafficRamp.Target(topology)!.Value;

        var incidents = await UntilAsync(silo, "/api/v1/incidents", l => l.EnumerateArray().Any(i => Fault(i) == "congestion" && i.GetProperty("actionIds").GetArrayLength() == 1), 120);
        var incident = incidents.EnumerateArray().Single(i => Fault(i) == "congestion");
        var id = incident.GetProperty("id").GetString()!;
        Assert.True(incident.GetProperty("rootCause").GetProperty("confidence").GetDouble() >= 0.8, incident.ToString());
        var actionId = incident.GetProperty("actionIds")[0].GetString()!;

        // The chosen change: LOCAL_PREF down on the loaded router, for some of the ISP's destinations only, run without a person.
        var action = await UntilAsync(silo, "/api/v1/actions/" + actionId, a => a.GetProperty("state").GetString() is "COMPLETED" or "FAILED" or "ROLLED_BACK" or "BLOCKED" or "REJECTED" or "AWAITING_APPROVAL", 90);
        Assert.True(action.GetProperty("state").GetString() == "COMPLETED", action.ToString());
        Assert.Equal("T1", action.GetProperty("tier").GetString());
        Assert.Equal(("LOCAL_PREF_ADJUST", router, isp), (action.GetProperty("action").GetString(), action.GetProperty("router").GetString(), action.GetProperty("params").GetProperty("peer").GetString()));
        var prefixes = action.GetProperty("params").GetProperty("prefixes").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.NotEmpty(prefixes);
        Assert.True(action.GetProperty("execution").GetProperty("readBackConfirmed").GetBoolean(), action.ToString());
        Assert.Equal("VERIFIED", action.GetProperty("verification").GetProperty("outcome").GetString());

        // The simulated routers carry exactly that change, and the loaded link falls under the floor.
        var policy = silo.App.Services.GetRequiredService<SimulatedPolicy>();
        var (applied, parameters) = SimulatedPolicy.Parse(Assert.Single(policy.Text(router).Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("LOCAL_PREF_ADJUST", applied);
        Assert.Equal(prefixes, parameters.Prefixes!.Value.ToArray());
        var store = silo.App.Services.GetRequiredService<ITimeSeriesStore>();
        var utilisation = (await store.ListSeriesAsync(router)).Single(s => s.Path == $"/probes/isp[name={isp}]/utilisation-pct");
        await UntilTrueAsync(async () => (await store.QueryAsync(utilisation, DateTimeOffset.UtcNow.AddSeconds(-3), DateTimeOffset.UtcNow.AddSeconds(1))) is { Count: > 0 } recent
            && recent.All(p => p.Value < 85), 20, "the loaded link never fell under the floor");

        // The plan says why every other candidate lost: the whole-ISP shift and the prepend need a person.
        var detail = await UntilAsync(silo, "/api/v1/incidents/" + id, _ => true, 10);
        var plan = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).Last(t => t.StartsWith("chose", StringComparison.Ordinal));
        Assert.Contains("(T1)", plan, StringComparison.Ordinal);
        Assert.Contains("LOCAL_PREF_ADJUST on R1 (peer ISP-A, in, localPref 50): score", plan, StringComparison.Ordinal);
        Assert.Contains("AS_PATH_PREPEND", plan, StringComparison.Ordinal);
        Assert.True(Regex.IsMatch(plan, @"LOCAL_PREF_ADJUST on R1 \(peer ISP-A, in, localPref 50\): score -?[0-9.]+ below c\d's [0-9.]+ \(T[23] against T1"), plan);
    }

    private static string? Fault(JsonElement incident) =>
        incident.TryGetProperty("rootCause", out var cause) && cause.TryGetProperty("fault", out var fault) ? fault.GetString() : null;

    private static async Task<JsonElement> UntilAsync(TestSilo silo, string path, Func<JsonElement, bool> done, double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await silo.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (done(body))
            {
                return body;
            }

            Assert.True(clock.Elapsed.TotalSeconds < seconds, $"GET {path} never got there in {seconds} s: {body}; warnings: "
                + string.Join(" | ", silo.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => $"{e.Category}: {e.Message}")));
            await Task.Delay(200);
        }
    }

    private static async Task UntilTrueAsync(Func<Task<bool>> done, double seconds, string why)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed.TotalSeconds < seconds, why);
            await Task.Delay(200);
        }
    }
}
