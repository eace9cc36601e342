using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using OrleansNetOps.Drivers;
using Xunit.Abstractions;

namespace OrleansNetOps.Integration.Tests.SeedScenario;

/// <summary>
/// A T1 change proposed through the API reaches real FRR through the service: R2 prefers ISP-B for 8.8.8.0/24
/// (LOCAL_PREF 200, inbound), autonomy phase semi. With good probes it is verified and kept — in FRR's running
/// config, in BMP, and FRR's best paths equal the twin's prediction; with worse probes it is rolled back and FRR's
/// configuration is the snapshot's text again.
/// </summary>
public sealed class ChangeOnFrrTests(SeedLabWithDrivers fixture, ITestOutputHelper output) : IClassFixture<SeedLabWithDrivers>
{
    private const string Prefix = "8.8.8.0/24";
    private const string R2OnR3 = "198.51.100.22";
    private static readonly TimeSpan s_converge = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_T1_change_is_applied_to_FRR_verified_on_the_probes_and_FRR_then_routes_as_the_twin_predicted()
    {
        var before = await fixture.Lab.RunningConfigAsync("R2");
        var id = await ProposeAfterProbesAsync("seed-keep");
        var windows = await PendingWindowsAsync(id);
        await ScenarioProbes.PostAsync(fixture, "R2", "ISP-B", ScenarioProbes.Spread(windows.AfterFrom, windows.AfterTo, 4), latencyMs: 21, lossPct: 0.1);
        var done = await UntilAsync(id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED", 60);

        Assert.True(State(done) == "COMPLETED", done.ToString());
        Assert.Equal("T1", done.GetProperty("tier").GetString());
        Assert.Equal(["INITIATED", "ANALYZING", "PLANNING", "EXECUTING", "VALIDATING", "COMPLETED"],
            done.GetProperty("checkpoints").EnumerateArray().Select(c => c.GetProperty("from").GetString()!).Append("COMPLETED"));
        Assert.Equal("VERIFIED", done.GetProperty("verification").GetProperty("outcome").GetString());

        // FRR's running config has the change; the execution entry's snapshot is FRR's config from before it.
        var after = await fixture.Lab.RunningConfigAsync("R2");
        Assert.Contains(" set local-preference 200", after, StringComparison.Ordinal);
        Assert.DoesNotContain(" set local-preference 200", before, StringComparison.Ordinal);
        var audit = await fixture.SendAsync(HttpMethod.Get, "/api/v1/audit?actionId=" + id);
        Assert.Equal(["proposal", "decision", "execution", "validation"], audit.EnumerateArray().Select(e => e.GetProperty("kind").GetString()!));
        var execution = audit.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "execution");
        Assert.Equal("APPLIED", execution.GetProperty("decision").GetString());
        Assert.Equal(DeviceSnapshot.IdOf(before), execution.GetProperty("detail").GetProperty("snapshot").GetString());
        Assert.True(execution.GetProperty("detail").GetProperty("readBackConfirmed").GetBoolean());
        Assert.True((await fixture.SendAsync(HttpMethod.Get, "/api/v1/audit/verify")).GetProperty("valid").GetBoolean());

        // BMP: what R2 now sends the reflector carries the new LOCAL_PREF.
        await BmpLocalPrefAsync(200);

        // FRR's best paths (vtysh show bgp … json) equal the twin's predicted "after" for every path it said would change.
        var predicted = done.GetProperty("whatIf").GetProperty("changes").EnumerateArray().ToList();
        Assert.NotEmpty(predicted);
        var differences = await FrrAgainstTwin.BestPathDifferencesAsync(fixture, predicted, s_converge);
        Assert.True(differences.Count == 0, "FRR differs from the twin's prediction:\n" + string.Join('\n', differences));
        output.WriteLine($"{predicted.Count} predicted best-path changes, all equal in FRR");

        // The operator takes it back: FRR's configuration is the snapshot's text again.
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/actions/{id}/rollback");
        Assert.Equal("ROLLED_BACK", State(await UntilAsync(id, a => State(a) == "ROLLED_BACK", 30)));
        Assert.Equal(before, await fixture.Lab.RunningConfigAsync("R2"));
    }

    [Fact]
    public async Task A_change_whose_probes_worsen_is_rolled_back_and_FRR_has_the_snapshot_text_again()
    {
        var before = await fixture.Lab.RunningConfigAsync("R2");
        var id = await ProposeAfterProbesAsync("seed-breach");
        var windows = await PendingWindowsAsync(id);
        Assert.Contains(" set local-preference 200", await fixture.Lab.RunningConfigAsync("R2"), StringComparison.Ordinal);
        await ScenarioProbes.PostAsync(fixture, "R2", "ISP-B", ScenarioProbes.Spread(windows.AfterFrom, windows.AfterTo, 4), latencyMs: 150, lossPct: 5);
        var done = await UntilAsync(id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED", 60);

        Assert.True(State(done) == "ROLLED_BACK", done.ToString());
        Assert.Equal("ROLLBACK_REQUIRED", done.GetProperty("verification").GetProperty("outcome").GetString());
        Assert.Contains("ISP-B via R2: latency 150 ms is above 80 ms", done.GetProperty("verification").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(before, await fixture.Lab.RunningConfigAsync("R2"));

        var audit = await fixture.SendAsync(HttpMethod.Get, "/api/v1/audit?actionId=" + id);
        Assert.Equal([("proposal", "PROPOSED"), ("decision", "AUTO_EXECUTE"), ("execution", "APPLIED"), ("validation", "ROLLBACK_REQUIRED"), ("rollback", "ROLLED_BACK")],
            audit.EnumerateArray().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("decision").GetString()!)));
        var rollback = audit.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "rollback").GetProperty("detail");
        Assert.Equal(DeviceSnapshot.IdOf(before), rollback.GetProperty("snapshot").GetString());
        Assert.Equal(DeviceSnapshot.IdOf(before), rollback.GetProperty("stateAfter").GetString());
        Assert.True((await fixture.SendAsync(HttpMethod.Get, "/api/v1/audit/verify")).GetProperty("valid").GetBoolean());

        // BMP: what R2 sends the reflector is back to the default LOCAL_PREF.
        await BmpLocalPrefAsync(100);
    }

    // Scenario probes for the minute before the change (20 ms, 0.1 % on ISP-B via R2), then the proposal.
    private async Task<string> ProposeAfterProbesAsync(string key)
    {
        var now = DateTimeOffset.UtcNow;
        await ScenarioProbes.PostAsync(fixture, "R2", "ISP-B", ScenarioProbes.Spread(now.AddSeconds(-60), now.AddSeconds(-5), 5), latencyMs: 20, lossPct: 0.1);
        // The path is healthy now: the newest probe is what the twin measures the network by (another test's breach may be newer than the spread).
        await ScenarioProbes.PostAsync(fixture, "R2", "ISP-B", [now], latencyMs: 20, lossPct: 0.1);
        var proposed = await fixture.SendAsync(HttpMethod.Post, "/api/v1/actions", new
        {
            router = "R2",
            action = "LOCAL_PREF_ADJUST",
            @params = new { peer = "ISP-B", localPref = 200, prefixes = new[] { Prefix } },
            reason = "prefer ISP-B for 8.8.8.0/24",
            idempotencyKey = key + "-" + Guid.NewGuid().ToString("N")[..8],
        }, HttpStatusCode.Created);
        return proposed.GetProperty("id").GetString()!;
    }

    private async Task<(DateTimeOffset AfterFrom, DateTimeOffset AfterTo)> PendingWindowsAsync(string id)
    {
        var pending = await UntilAsync(id, a => State(a) is not ("INITIATED" or "ANALYZING" or "PLANNING" or "EXECUTING"), 60);
        Assert.True(State(pending) == "VALIDATING", pending.ToString());
        var windows = pending.GetProperty("verification").GetProperty("windows");
        return (windows.GetProperty("after").GetProperty("from").GetDateTimeOffset(), windows.GetProperty("after").GetProperty("to").GetDateTimeOffset());
    }

    // R2 sends its best path to its iBGP peer with the LOCAL_PREF its policy set. (FRR's BMP encodes an eBGP peer's
    // routes as that peer sent them, without LOCAL_PREF, so R2's own view cannot show it.)
    private async Task BmpLocalPrefAsync(uint wanted) =>
        output.WriteLine($"BMP shows LOCAL_PREF {wanted} from R2 on R3 after {(await FrrAgainstTwin.BmpLocalPrefAsync(fixture, "R3", R2OnR3, Prefix, wanted, s_converge)).TotalSeconds:0.0} s");

    private async Task<JsonElement> UntilAsync(string id, Func<JsonElement, bool> done, double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var action = await fixture.SendAsync(HttpMethod.Get, "/api/v1/actions/" + id);
            if (done(action))
            {
                return action;
            }

            Assert.True(clock.Elapsed.TotalSeconds < seconds, $"action {id} stayed {action.GetProperty("state")}: {action}");
            await Task.Delay(100);
        }
    }

    private static string State(JsonElement action) => action.GetProperty("state").GetString()!;
}
