using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Grains.Actions;
using OrleansNetOps.Silo.Tests.Health;
using OrleansNetOps.Silo.Tests.Infrastructure;
using static OrleansNetOps.Silo.Tests.Decisions.DecisionApiTests;

namespace OrleansNetOps.Silo.Tests.Decisions;

/// <summary>
/// The resolver's VALIDATING step on the simulated network: the probe series posted through the metrics API before
/// and after a change decide whether it stays. The change is R2's MED toward ISP-B (T1, applied on its own).
/// </summary>
public sealed class VerificationApiTests
{
    private const string Olga = "olga-key-01234567890";
    private const string Bob = "bob-key-0123456789ab";

    [Fact]
    public async Task A_change_whose_probes_worsen_is_rolled_back_to_its_snapshot_with_the_numbers_and_audited()
    {
        await using var silo = await SiloAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        var id = await ProposeAfterProbesAsync(silo, 5);
        await ProbesAsync(silo, "R1", "ISP-A", Spread(DateTimeOffset.UtcNow.AddSeconds(-60), DateTimeOffset.UtcNow.AddSeconds(-5), 5), latencyMs: 30, lossPct: 0);
        var windows = await PendingWindowsAsync(silo, id);
        await ProbesAsync(silo, "R2", "ISP-B", Spread(windows.AfterFrom, windows.AfterTo, 4), latencyMs: 150, lossPct: 5);
        await ProbesAsync(silo, "R1", "ISP-A", Spread(windows.AfterFrom, windows.AfterTo, 2), latencyMs: 30, lossPct: 0);
        var done = await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED", 30);

        Assert.True(State(done) == "ROLLED_BACK", done.ToString());
        var verification = done.GetProperty("verification");
        Assert.Equal("ROLLBACK_REQUIRED", verification.GetProperty("outcome").GetString());
        Assert.Equal(
        [
            "ISP-B via R2: latency 150 ms after is more than 1.5 × 20 ms before",
            "ISP-B via R2: loss 5 % after is more than 3 × 0.1 % before",
            "ISP-B via R2: latency 150 ms is above 80 ms",
            "ISP-B via R2: loss 5 % is above 2 %",
        ], verification.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!));
        var paths = verification.GetProperty("paths").EnumerateArray().ToList();
        Assert.Equal(["ISP-A via R1", "ISP-B via R2"], paths.Select(p => p.GetProperty("path").GetString()!));
        Assert.False(paths[0].GetProperty("judged").GetBoolean());
        Assert.Equal("ISP-A via R1: not judged, 2 sample(s) after (at least 3 needed on each side)", paths[0].GetProperty("reasons")[0].GetString());
        Assert.Equal((5, 20.0, 0.1), Side(paths[1].GetProperty("before")));
        Assert.Equal((4, 150.0, 5.0), Side(paths[1].GetProperty("after")));

        // The snapshot is back on the device, the change was sent once, and the audit says why, in an intact chain.
        Assert.Equal(string.Empty, silo.App.Services.GetRequiredService<SimulatedPolicy>().Text("R2"));
        Assert.Equal(1, Applies(silo));
        var audit = await SendAsync(silo, HttpMethod.Get, "/api/v1/audit?actionId=" + id, Bob);
        Assert.Equal([("proposal", "PROPOSED"), ("decision", "AUTO_EXECUTE"), ("execution", "APPLIED"), ("validation", "ROLLBACK_REQUIRED"), ("rollback", "ROLLED_BACK")],
            audit.EnumerateArray().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("decision").GetString()!)));
        var judged = audit.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "validation").GetProperty("detail");
        Assert.Equal(150, judged.GetProperty("paths")[1].GetProperty("after").GetProperty("latencyMs").GetDouble());
        Assert.True((await SendAsync(silo, HttpMethod.Get, "/api/v1/audit/verify", Bob)).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_change_whose_probes_hold_is_verified_and_counted_in_the_twin_accuracy_figure()
    {
        await using var silo = await SiloAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        var id = await ProposeAfterProbesAsync(silo, 5);
        var windows = await PendingWindowsAsync(silo, id);
        await ProbesAsync(silo, "R2", "ISP-B", Spread(windows.AfterFrom, windows.AfterTo, 4), latencyMs: 25, lossPct: 0.2);
        var done = await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED", 30);

        Assert.True(State(done) == "COMPLETED", done.ToString());
        var verification = done.GetProperty("verification");
        Assert.Equal("VERIFIED", verification.GetProperty("outcome").GetString());
        Assert.Empty(verification.GetProperty("reasons").EnumerateArray());
        var path = Assert.Single(verification.GetProperty("paths").EnumerateArray());
        Assert.True(path.GetProperty("judged").GetBoolean());
        Assert.Equal((4, 25.0, 0.2), Side(path.GetProperty("after")));
        Assert.Contains("MED_ADJUST", silo.App.Services.GetRequiredService<SimulatedPolicy>().Text("R2"), StringComparison.Ordinal);

        // The twin's prediction for the executed action reaches the accuracy figure.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var figure = await SendAsync(silo, HttpMethod.Get, "/api/v1/twin/accuracy", Bob);
            if (figure.GetProperty("recent").EnumerateArray().Any(r => r.GetProperty("actionId").GetString() == id))
            {
                Assert.Equal(1, figure.GetProperty("actions").GetInt32());
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the executed action never reached /api/v1/twin/accuracy: " + figure);
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_resolver_deactivated_while_validating_resumes_the_judgement_and_never_applies_again()
    {
        await using var silo = await SiloAsync(TimeSpan.Zero, TimeSpan.FromSeconds(4));
        var id = await ProposeAfterProbesAsync(silo, 5);
        var windows = await PendingWindowsAsync(silo, id);
        await ProbesAsync(silo, "R2", "ISP-B", Spread(windows.AfterFrom, windows.AfterTo, 4), latencyMs: 21, lossPct: 0.1);

        // The activation goes away mid-window; the next call activates it from the persisted VALIDATING checkpoint.
        await silo.Grains.GetGrain<IActionGrain>(id).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.True(DateTimeOffset.UtcNow < windows.AfterTo, "the window ended before the resolver was deactivated; the test proves nothing");
        var done = await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED", 30);

        Assert.True(State(done) == "COMPLETED", done.ToString());
        Assert.Equal("VERIFIED", done.GetProperty("verification").GetProperty("outcome").GetString());
        Assert.Contains(silo.Logs.Entries, e => e.Message == $"Action {id}: resuming VALIDATING at its pending verify step");
        Assert.Equal(1, Applies(silo));
        var audit = await SendAsync(silo, HttpMethod.Get, "/api/v1/audit?actionId=" + id, Bob);
        Assert.Single(audit.EnumerateArray(), e => e.GetProperty("kind").GetString() == "execution");
        Assert.Single(audit.EnumerateArray(), e => e.GetProperty("kind").GetString() == "validation");
    }

    [PostgresFact]
    public async Task A_silo_stopped_while_validating_leaves_the_judgement_to_the_next_silo_and_the_change_is_applied_once()
    {
        var schema = "verify_" + Guid.NewGuid().ToString("N")[..12];
        var after = TimeSpan.FromSeconds(15);
        string id;
        long firstApplies;
        (DateTimeOffset AfterFrom, DateTimeOffset AfterTo) windows;
        await using (var first = await SiloAsync(TimeSpan.Zero, after, schema))
        {
            id = await ProposeAfterProbesAsync(first, 5);
            windows = await PendingWindowsAsync(first, id);
            await ProbesAsync(first, "R2", "ISP-B", Spread(windows.AfterFrom, windows.AfterTo, 4), latencyMs: 21, lossPct: 0.1);
            firstApplies = Applies(first);
        }

        Assert.True(DateTimeOffset.UtcNow < windows.AfterTo, "the first silo lived past the window; the test proves nothing");
        await using var second = await SiloAsync(TimeSpan.Zero, after, schema);
        var done = await UntilAsync(second, id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED", 60);

        Assert.True(State(done) == "COMPLETED", done.ToString());
        Assert.Equal("VERIFIED", done.GetProperty("verification").GetProperty("outcome").GetString());
        Assert.Equal((1, 0), (firstApplies, Applies(second)));
        Assert.Contains(second.Logs.Entries, e => e.Message == $"Action {id}: resuming VALIDATING at its pending verify step");
        var audit = await SendAsync(second, HttpMethod.Get, "/api/v1/audit?actionId=" + id, Bob);
        Assert.Equal(["proposal", "decision", "execution", "validation"], audit.EnumerateArray().Select(e => e.GetProperty("kind").GetString()!));
        Assert.True((await SendAsync(second, HttpMethod.Get, "/api/v1/audit/verify", Bob)).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Without_enough_probes_the_change_is_kept_and_says_it_was_not_judged()
    {
        await using var silo = await SiloAsync(TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var id = await ProposeAfterProbesAsync(silo, 2);
        var done = await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED", 30);

        Assert.True(State(done) == "COMPLETED", done.ToString());
        var verification = done.GetProperty("verification");
        Assert.Equal("NOT_JUDGED", verification.GetProperty("outcome").GetString());
        Assert.Equal(["ISP-B via R2: not judged, 2 sample(s) before and 0 sample(s) after (at least 3 needed on each side)"],
            verification.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!));
    }

    // The autonomous phase; R2's probes toward ISP-B in the minute before the change: 20 ms, 0.1 % loss; then the change.
    private static async Task<string> ProposeAfterProbesAsync(TestSilo silo, int probesBefore)
    {
        await AutonomousAsync(silo);
        var now = DateTimeOffset.UtcNow;
        await ProbesAsync(silo, "R2", "ISP-B", Spread(now.AddSeconds(-60), now.AddSeconds(-5), probesBefore), latencyMs: 20, lossPct: 0.1);
        var proposed = await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", Olga, HarmlessChange, HttpStatusCode.Created);
        return proposed.GetProperty("id").GetString()!;
    }

    // The windows the resolver fixed when it applied the change (shown while it waits to judge).
    internal static async Task<(DateTimeOffset AfterFrom, DateTimeOffset AfterTo)> PendingWindowsAsync(TestSilo silo, string id)
    {
        var pending = await UntilAsync(silo, id, a => State(a) != "EXECUTING" && State(a) != "PLANNING" && State(a) != "ANALYZING" && State(a) != "INITIATED");
        Assert.True(State(pending) == "VALIDATING", pending.ToString());
        var verification = pending.GetProperty("verification");
        Assert.Equal("PENDING", verification.GetProperty("outcome").GetString());
        var windows = verification.GetProperty("windows");
        Assert.True(Time(windows, "before", "to") <= Time(windows, "after", "from"), windows.ToString());
        return (Time(windows, "after", "from"), Time(windows, "after", "to"));
    }

    private static DateTimeOffset Time(JsonElement windows, string side, string end) => windows.GetProperty(side).GetProperty(end).GetDateTimeOffset();

    private static (int Samples, double LatencyMs, double LossPct) Side(JsonElement side) =>
        (side.GetProperty("samples").GetInt32(), side.GetProperty("latencyMs").GetDouble(), Math.Round(side.GetProperty("lossPct").GetDouble(), 6));

    // Evenly inside [from, to): never on the edges, which belong to the neighbouring window.
    internal static IEnumerable<DateTimeOffset> Spread(DateTimeOffset from, DateTimeOffset to, int count) =>
        Enumerable.Range(1, count).Select(i => from + (to - from) * i / (count + 1));

    // One probe = a latency and a loss point with the same timestamp, through the ingest API.
    internal static Task ProbesAsync(TestSilo silo, string router, string isp, IEnumerable<DateTimeOffset> times, double latencyMs, double lossPct) =>
        SendAsync(silo, HttpMethod.Post, "/api/v1/telemetry/metrics", Olga, times.SelectMany(t => new object[]
        {
            new { router, path = $"/probes/isp[name={isp}]/latency-ms", value = latencyMs, timestamp = t.ToString("O", CultureInfo.InvariantCulture) },
            new { router, path = $"/probes/isp[name={isp}]/loss-pct", value = lossPct, timestamp = t.ToString("O", CultureInfo.InvariantCulture) },
        }).ToArray(), HttpStatusCode.Accepted);
}
