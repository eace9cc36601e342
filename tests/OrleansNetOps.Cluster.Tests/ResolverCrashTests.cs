using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;
using static OrleansNetOps.Cluster.Tests.ClusterTestApi;

namespace OrleansNetOps.Cluster.Tests;

/// <summary>
/// One silo process on PostgreSQL and the simulated network, killed with SIGKILL while one resolver waits to judge a
/// change it applied (VALIDATING) and another waits for an approver (AWAITING_APPROVAL), then started again on the same
/// configuration: each workflow resumes where its last checkpoint left it; the change is never sent twice, the approval
/// window closes once, and the audit chain stays intact.
/// </summary>
public sealed class ResolverCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Variable = "NETOPS_TEST_POSTGRES";

    // Short windows so that both waits outlive the kill and end soon after the restart: the change is judged 25 s after
    // it applied (no settling), a T3 approval expires after 40 s; the restart takes about 12 s on two busy cores.
    private const string Guardrails = """
        version: 2
        verification:
          before: 10m
          settle: 0s
          after: 40s
        approval:
          tiers:
            T1: { approvers: 1, timeout: 1h, onTimeout: expire }
            T2: { approvers: 1, timeout: 300s, onTimeout: approve }
            T3: { approvers: 1, timeout: 40s, onTimeout: expire }
        """;

    // T1 on the reference network (the twin moves no best path of ours): applied on its own in the autonomous phase.
    private static readonly object s_harmless = new { router = "R2", action = "MED_ADJUST", @params = new { peer = "ISP-B", direction = "out", med = 50 }, reason = "crash test", idempotencyKey = "crash-med" };

    // Asymmetric flows make it T3: it waits for an approver, whatever the phase.
    private static readonly object s_prepend = new { router = "R1", action = "AS_PATH_PREPEND", @params = new { peer = "ISP-A", direction = "out", prependCount = 2 }, reason = "crash test", idempotencyKey = "crash-prepend" };

    private static readonly string[] s_terminal = ["COMPLETED", "ROLLED_BACK", "FAILED", "REJECTED", "BLOCKED"];

    private readonly string _directory = Directory.CreateTempSubdirectory("netops-crash-").FullName;
    private readonly string _schema = "crash_test_" + Guid.NewGuid().ToString("N")[..12];
    private string _connectionString = string.Empty;
    private SiloProcess? _silo;
    private bool _passed;

    private SiloProcess Silo => _silo ?? throw new InvalidOperationException("the silo is not up");

    public async Task InitializeAsync()
    {
        _connectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run eval \"$(scripts/start-test-postgres.sh)\" first (scripts/test-all.sh does).");
        await File.WriteAllTextAsync(Path.Combine(_directory, "guardrails.yaml"), Guardrails);
        _silo = new SiloProcess("resolver", _directory, _schema, "crash-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), _connectionString, topologyFile: null);
        _silo.Start();
        await WaitForAsync(_silo.IsReadyAsync, TimeSpan.FromSeconds(120), "the silo never became ready");
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await SiloProcess.CleanUpAsync(_connectionString, _schema, _directory, _passed);
    }

    [Fact]
    public async Task A_silo_killed_mid_workflow_resumes_each_resolver_and_never_repeats_a_change_or_an_approval_timeout()
    {
        await SendAsync(HttpMethod.Put, "/api/v1/autonomy", new { phase = "autonomous" });
        var waiting = await ProposeAsync(s_prepend);
        var validating = await ProposeAsync(s_harmless);
        var approval = await UntilAsync(waiting, a => State(a) is not ("INITIATED" or "ANALYZING" or "PLANNING"), TimeSpan.FromSeconds(30));
        Assert.True(State(approval) == "AWAITING_APPROVAL", approval.ToString());
        Assert.Equal("T3", approval.GetProperty("tier").GetString());
        var applied = await UntilAsync(validating, a => State(a) is not ("INITIATED" or "ANALYZING" or "PLANNING" or "EXECUTING"), TimeSpan.FromSeconds(30));
        Assert.True(State(applied) == "VALIDATING", applied.ToString());
        Assert.Equal("T1", applied.GetProperty("tier").GetString());
        Assert.Equal(1, await CountAsync(validating, "execution"));

        var clock = Stopwatch.StartNew();
        await Silo.KillAsync();
        Silo.Start();
        await WaitForAsync(Silo.IsReadyAsync, TimeSpan.FromSeconds(120), "the restarted silo never became ready");
        output.WriteLine($"killed and ready again after {clock.Elapsed.TotalSeconds:0.0} s");

        // Both windows were fixed before the kill; they must still be open, or the restart proved nothing.
        var windowEnd = applied.GetProperty("verification").GetProperty("windows").GetProperty("after").GetProperty("to").GetDateTimeOffset();
        Assert.True(DateTimeOffset.UtcNow < windowEnd, $"the silo came back after the verification window ended ({windowEnd:O}); the test proves nothing");
        var resumed = await ActionAsync(validating);
        Assert.True(State(resumed) == "VALIDATING", "after the restart: " + resumed);
        var stillWaiting = await ActionAsync(waiting);
        Assert.True(State(stillWaiting) == "AWAITING_APPROVAL", "the approval window closed before the restart; the test proves nothing: " + stillWaiting);

        var done = await UntilAsync(validating, a => s_terminal.Contains(State(a)), TimeSpan.FromSeconds(60));
        var expired = await UntilAsync(waiting, a => State(a) != "AWAITING_APPROVAL", TimeSpan.FromSeconds(60));
        output.WriteLine($"T1 change {State(done)}, T3 request {State(expired)} after {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(State(done) is "COMPLETED" or "ROLLED_BACK", done.ToString());
        Assert.Equal(["proposal", "decision", "execution", "validation"], await KindsAsync(validating));
        // What the driver sent, recorded before the kill, is what the resolver reports after it: one line, one apply.
        var execution = done.GetProperty("execution");
        Assert.Equal(applied.GetProperty("execution").ToString(), execution.ToString());
        Assert.Single(execution.GetProperty("sent").EnumerateArray());
        Assert.True(execution.GetProperty("readBackConfirmed").GetBoolean(), execution.ToString());
        var executed = Assert.Single(await AuditAsync(validating), e => e.GetProperty("kind").GetString() == "execution");
        Assert.Equal("APPLIED", executed.GetProperty("decision").GetString());
        Assert.Contains($"Action {validating}: resuming VALIDATING at its pending verify step", Silo.Log, StringComparison.Ordinal);

        // The request expired once, by the timer that outlived the process, and nothing of it ran.
        Assert.True(State(expired) == "REJECTED", expired.ToString());
        var events = (await AuditAsync(waiting)).Where(e => e.GetProperty("kind").GetString() == "approval")
            .Select(e => e.GetProperty("detail").GetProperty("event").GetString()!).ToList();
        Assert.Equal(["OPENED", "EXPIRED"], events);
        Assert.Equal(0, await CountAsync(waiting, "execution"));

        // Another few seconds: a reminder that fires again must change nothing.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await CountAsync(validating, "execution"));
        Assert.Single(await AuditAsync(waiting), e => e.GetProperty("detail").TryGetProperty("event", out var name) && name.GetString() == "EXPIRED");
        var verify = await SendAsync(HttpMethod.Get, "/api/v1/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        _passed = true;
    }

    private async Task<string> ProposeAsync(object body)
    {
        var proposed = await SendAsync(HttpMethod.Post, "/api/v1/actions", body, HttpStatusCode.Created);
        return proposed.GetProperty("id").GetString()!;
    }

    private Task<JsonElement> ActionAsync(string id) => SendAsync(HttpMethod.Get, "/api/v1/actions/" + id);

    private async Task<List<JsonElement>> AuditAsync(string id) =>
        [.. (await SendAsync(HttpMethod.Get, "/api/v1/audit?actionId=" + id)).EnumerateArray()];

    private async Task<List<string>> KindsAsync(string id) => [.. (await AuditAsync(id)).Select(e => e.GetProperty("kind").GetString()!)];

    private async Task<int> CountAsync(string id, string kind) => (await KindsAsync(id)).Count(k => k == kind);

    private Task<JsonElement> UntilAsync(string id, Func<JsonElement, bool> done, TimeSpan timeout) => ClusterTestApi.UntilAsync(Silo.Api, id, done, timeout, _directory);

    private Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null, HttpStatusCode? expect = null) => ClusterTestApi.SendAsync(Silo.Api, method, path, body, expect);
}
