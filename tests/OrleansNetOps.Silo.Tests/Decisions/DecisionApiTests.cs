using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Verification;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Hosting;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Decisions;

public sealed class DecisionApiTests
{
    // A change the twin proves harmless on the reference network: ISP-B prefers R1's session for inbound traffic; no
    // best path of ours moves and no flow becomes asymmetric, so it is T1.
    internal static readonly object HarmlessChange = new { router = "R2", action = "MED_ADJUST", @params = new { peer = "ISP-B", direction = "out", med = 50 }, reason = "test" };

    // A prepend toward ISP-A makes flows asymmetric: escalated to T3, it needs an approver.
    private static readonly object s_prepend = new { router = "R1", action = "AS_PATH_PREPEND", @params = new { peer = "ISP-A", direction = "out", prependCount = 2 }, reason = "test" };

    // No probes are posted here: each change is kept unjudged once its one-second "after" window has passed.
    private static Task<TestSilo> SiloAsync() => SiloAsync(TimeSpan.Zero, TimeSpan.FromSeconds(1));

    /// <summary>A silo on the simulated network with the test's keys; memory storage, or PostgreSQL in <paramref name="postgresSchema"/>.</summary>
    internal static Task<TestSilo> SiloAsync(TimeSpan settle, TimeSpan after, string? postgresSchema = null, OrleansNetOps.Topology.NetworkTopology? topology = null) =>
        TestSilo.StartAsync(Options(settle, after, postgresSchema) with { Topology = topology });

    /// <summary>The options of <see cref="SiloAsync(TimeSpan, TimeSpan, string?, OrleansNetOps.Topology.NetworkTopology?)"/>, for a test that adds to them.</summary>
    internal static SiloHostOptions Options(TimeSpan settle, TimeSpan after, string? postgresSchema = null) => new()
    {
        Config = (postgresSchema is null ? TestSilo.MemoryConfig() : TestSilo.PostgresConfig(postgresSchema)) with
        {
            Auth = new AuthConfig
            {
                Mode = AuthMode.ApiKey,
                Keys =
                [
                    new ApiKeyConfig { Name = "alice", Key = "alice-key-0123456789", Roles = [Role.Admin] },
                    new ApiKeyConfig { Name = "bob", Key = "bob-key-0123456789ab", Roles = [Role.Approver] },
                    new ApiKeyConfig { Name = "carol", Key = "carol-key-0123456789", Roles = [Role.Approver] },
                    new ApiKeyConfig { Name = "olga", Key = "olga-key-01234567890", Roles = [Role.Operator] },
                ],
            },
            Network = new NetworkConfig { Simulated = true, SimulationStepSeconds = 3600 },
        },
        Guardrails = GovernancePolicy.Default with { Verification = new VerificationRules { Before = TimeSpan.FromMinutes(10), Settle = settle, After = after } },
    };

    internal static async Task<JsonElement> SendAsync(TestSilo silo, HttpMethod method, string path, string key, object? body = null, HttpStatusCode? expect = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await silo.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (expect is { } status)
        {
            Assert.True(status == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        }
        else
        {
            Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static Task<JsonElement> ActionAsync(TestSilo silo, string id) => SendAsync(silo, HttpMethod.Get, "/api/v1/actions/" + id, "alice-key-0123456789");

    internal static async Task<JsonElement> UntilAsync(TestSilo silo, string id, Func<JsonElement, bool> done, double seconds = 20)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var action = await ActionAsync(silo, id);
            if (done(action))
            {
                return action;
            }

            Assert.True(deadline.Elapsed.TotalSeconds < seconds, $"action {id} stayed {action.GetProperty("state")}: {action}");
            await Task.Delay(50);
        }
    }

    internal static string State(JsonElement action) => action.GetProperty("state").GetString()!;

    internal static Task AutonomousAsync(TestSilo silo) =>
        SendAsync(silo, HttpMethod.Put, "/api/v1/autonomy", "alice-key-0123456789", new { phase = "autonomous" });

    internal static long Applies(TestSilo silo) => silo.App.Services.GetRequiredService<SimulatedPolicy>().Applies;

    [Fact]
    public async Task The_same_idempotency_key_twice_gives_one_action()
    {
        await using var silo = await SiloAsync();
        var body = new { router = "R1", action = "AS_PATH_PREPEND", @params = new { peer = "ISP-A", direction = "out", prependCount = 2 }, reason = "twice", idempotencyKey = "change-42" };

        var first = await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "olga-key-01234567890", body, HttpStatusCode.Created);
        var second = await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "olga-key-01234567890", body, HttpStatusCode.OK);
        var list = await SendAsync(silo, HttpMethod.Get, "/api/v1/actions", "bob-key-0123456789ab");

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Single(list.EnumerateArray(), a => a.GetProperty("idempotencyKey").GetString() == "change-42");
    }

    [Fact]
    public async Task An_autonomous_T1_change_is_proven_applied_once_verified_and_audited_in_an_intact_chain()
    {
        await using var silo = await SiloAsync();
        await AutonomousAsync(silo);

        var proposed = await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "olga-key-01234567890", HarmlessChange, HttpStatusCode.Created);
        var id = proposed.GetProperty("id").GetString()!;
        var done = await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "FAILED" or "BLOCKED" or "AWAITING_APPROVAL" or "ROLLED_BACK");

        Assert.True(State(done) == "COMPLETED", done.ToString());
        Assert.Equal("T1", done.GetProperty("tier").GetString());
        Assert.True(done.GetProperty("whatIf").GetProperty("passed").GetBoolean());
        Assert.Equal(1, Applies(silo));
        Assert.Equal(["INITIATED", "ANALYZING", "PLANNING", "EXECUTING", "VALIDATING", "COMPLETED"],
            done.GetProperty("checkpoints").EnumerateArray().Select(c => c.GetProperty("from").GetString()!).Append("COMPLETED"));
        var audit = await SendAsync(silo, HttpMethod.Get, "/api/v1/audit?actionId=" + id, "bob-key-0123456789ab");
        Assert.Equal(["proposal", "decision", "execution", "validation"], audit.EnumerateArray().Select(e => e.GetProperty("kind").GetString()!));
        var verify = await SendAsync(silo, HttpMethod.Get, "/api/v1/audit/verify", "bob-key-0123456789ab");
        Assert.True(verify.GetProperty("valid").GetBoolean());

        // The operator takes it back: the snapshot is restored on the simulated router.
        var rolledBack = await SendAsync(silo, HttpMethod.Post, $"/api/v1/actions/{id}/rollback", "olga-key-01234567890");
        Assert.Equal("ROLLED_BACK", State(await UntilAsync(silo, id, a => State(a) == "ROLLED_BACK")));
        Assert.Equal(string.Empty, silo.App.Services.GetRequiredService<SimulatedPolicy>().Text("R2"));
    }

    [Fact]
    public async Task A_second_action_on_a_leased_router_and_policy_object_waits_for_the_lease()
    {
        await using var silo = await SiloAsync();
        await AutonomousAsync(silo);
        var coordinator = silo.Grains.GetGrain<ICoordinatorGrain>("default");
        Assert.True((await coordinator.AcquireAsync("act-first", ["R2|ISP-B|out"], TimeSpan.FromMinutes(5))).Granted);

        var proposed = await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "olga-key-01234567890", HarmlessChange, HttpStatusCode.Created);
        var id = proposed.GetProperty("id").GetString()!;
        var waiting = await UntilAsync(silo, id, a => a.GetProperty("waiting").ValueKind == JsonValueKind.String);
        await Task.Delay(1000);

        Assert.Equal("EXECUTING", State(await ActionAsync(silo, id)));
        Assert.Contains("act-first", waiting.GetProperty("waiting").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Applies(silo));

        await coordinator.ReleaseAsync("act-first");
        Assert.Equal("COMPLETED", State(await UntilAsync(silo, id, a => State(a) == "COMPLETED")));
        Assert.Equal(1, Applies(silo));
    }

    [Fact]
    public async Task The_kill_switch_holds_every_autonomous_step_and_lifting_it_resumes_them()
    {
        await using var silo = await SiloAsync();
        await AutonomousAsync(silo);
        var coordinator = silo.Grains.GetGrain<ICoordinatorGrain>("default");
        Assert.True((await coordinator.AcquireAsync("act-first", ["R2|ISP-B|out"], TimeSpan.FromMinutes(5))).Granted);
        var proposed = await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "olga-key-01234567890", HarmlessChange, HttpStatusCode.Created);
        var id = proposed.GetProperty("id").GetString()!;
        await UntilAsync(silo, id, a => a.GetProperty("waiting").ValueKind == JsonValueKind.String);

        // Engaged while the resolver waits on a lease: when the lease frees, the gate holds it instead.
        var engaged = await SendAsync(silo, HttpMethod.Put, "/api/v1/autonomy", "alice-key-0123456789", new { killSwitch = true, reason = "test" });
        Assert.True(engaged.GetProperty("killSwitch").GetBoolean());
        await coordinator.ReleaseAsync("act-first");
        var held = await UntilAsync(silo, id, a => a.GetProperty("waiting").GetString()?.Contains("kill switch", StringComparison.Ordinal) == true, 1);
        await Task.Delay(1500);
        Assert.Equal("EXECUTING", State(await ActionAsync(silo, id)));
        Assert.Equal(0, Applies(silo));

        await SendAsync(silo, HttpMethod.Put, "/api/v1/autonomy", "alice-key-0123456789", new { killSwitch = false });
        Assert.Equal("COMPLETED", State(await UntilAsync(silo, id, a => State(a) == "COMPLETED", 5)));
        var audit = await SendAsync(silo, HttpMethod.Get, "/api/v1/audit", "bob-key-0123456789ab");
        Assert.Equal(["ENGAGED", "RELEASED"], audit.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "kill-switch").Select(e => e.GetProperty("decision").GetString()!));
    }

    [Fact]
    public async Task In_the_passive_phase_a_change_waits_for_an_approver_who_is_not_its_requester()
    {
        await using var silo = await SiloAsync();
        var proposed = await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "carol-key-0123456789", s_prepend, HttpStatusCode.Created);
        var id = proposed.GetProperty("id").GetString()!;
        Assert.Equal("AWAITING_APPROVAL", State(await UntilAsync(silo, id, a => State(a) != "INITIATED" && State(a) != "ANALYZING" && State(a) != "PLANNING")));

        await SendAsync(silo, HttpMethod.Post, $"/api/v1/actions/{id}/approve", "carol-key-0123456789", new { comment = "mine" }, HttpStatusCode.Conflict);
        await SendAsync(silo, HttpMethod.Post, $"/api/v1/actions/{id}/approve", "olga-key-01234567890", new { comment = "no role" }, HttpStatusCode.Forbidden);
        Assert.Equal(0, Applies(silo));
        var approved = await SendAsync(silo, HttpMethod.Post, $"/api/v1/actions/{id}/approve", "bob-key-0123456789ab", new { comment = "go" });

        Assert.Equal("bob", approved.GetProperty("approvals")[0].GetProperty("by").GetString());
        var done = await UntilAsync(silo, id, a => State(a) == "COMPLETED");
        Assert.Equal(1, Applies(silo));

        // The execution names the driver that changed the router, not the dispatcher in front of it.
        Assert.Equal(SimulatedNetworkDriver.DriverName, done.GetProperty("execution").GetProperty("driver").GetString());
    }

    [Fact]
    public async Task A_change_past_a_hard_limit_is_blocked_and_never_applied()
    {
        await using var silo = await SiloAsync();
        await AutonomousAsync(silo);
        var body = new { router = "R1", action = "COMMUNITY_TAG", @params = new { peer = "ISP-A", direction = "out", community = "65001:999", mode = "remove" }, reason = "strip" };

        var proposed = await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "olga-key-01234567890", body, HttpStatusCode.Created);
        var done = await UntilAsync(silo, proposed.GetProperty("id").GetString()!, a => State(a) is "BLOCKED" or "COMPLETED" or "AWAITING_APPROVAL");

        Assert.Equal("BLOCKED", State(done));
        Assert.Contains(done.GetProperty("violations").EnumerateArray(), v => v.GetString()!.Contains("65001:999", StringComparison.Ordinal));
        Assert.Equal(0, Applies(silo));
    }
}
