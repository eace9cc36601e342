using System.Net;
using System.Text.Json;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Verification;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Hosting;
using OrleansNetOps.Silo.Tests.Infrastructure;
using static OrleansNetOps.Silo.Tests.Decisions.DecisionApiTests;
using static OrleansNetOps.Silo.Tests.Decisions.VerificationApiTests;

namespace OrleansNetOps.Silo.Tests.Decisions;

/// <summary>The domain's coordinator holds the guardrails every consumer reads, and the outcomes that demote a scope.</summary>
public sealed class DomainPolicyTests
{
    private const string Alice = "alice-key-0123456789";
    private const string Olga = "olga-key-01234567890";

    [Fact]
    public async Task A_PUT_reaches_the_twin_s_what_if_limits_and_GET_shows_its_version()
    {
        await using var silo = await SiloAsync(TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var change = new { changes = new[] { new { router = "R2", action = "LOCAL_PREF_ADJUST", @params = new { peer = "ISP-B", direction = "in", localPref = 250 } } } };
        var before = await SendAsync(silo, HttpMethod.Post, "/api/v1/twin/whatif", Alice, change);
        Assert.DoesNotContain(Conflicts(before), c => c.Contains("guardrail", StringComparison.Ordinal));
        Assert.Equal(0, (await SendAsync(silo, HttpMethod.Get, "/api/v1/guardrails", Alice)).GetProperty("version").GetInt64());

        const string Tighter = "version: 2\nlocalPref:\n  min: 0\n  max: 200\n";
        var put = await SendAsync(silo, HttpMethod.Put, "/api/v1/guardrails", Alice, new { yaml = Tighter });
        var after = await SendAsync(silo, HttpMethod.Post, "/api/v1/twin/whatif", Alice, change);

        Assert.Equal(1, put.GetProperty("version").GetInt64());
        Assert.Contains(Conflicts(after), c => c.Contains("localPref 250 is outside the guardrail 0..200", StringComparison.Ordinal));
        var shown = await SendAsync(silo, HttpMethod.Get, "/api/v1/guardrails", Alice);
        Assert.Equal((Tighter, 1L, GuardrailsReader.Fingerprint(Tighter)),
            (shown.GetProperty("yaml").GetString(), shown.GetProperty("version").GetInt64(), shown.GetProperty("fingerprint").GetString()));
    }

    [Fact]
    public async Task Rolled_back_changes_demote_a_semi_scope_to_passive_audited_by_system_and_the_next_T1_waits_for_approval()
    {
        await using var silo = await TestSilo.StartAsync(new SiloHostOptions
        {
            Config = TestSilo.MemoryConfig() with
            {
                Auth = new AuthConfig
                {
                    Mode = AuthMode.ApiKey,
                    Keys =
                    [
                        new ApiKeyConfig { Name = "alice", Key = Alice, Roles = [Role.Admin] },
                        new ApiKeyConfig { Name = "olga", Key = Olga, Roles = [Role.Operator] },
                    ],
                },
                Network = new NetworkConfig { Simulated = true, SimulationStepSeconds = 3600 },
            },
            // Judged after two outcomes, so that the test is short; the bounds are the shipped ones.
            Guardrails = GovernancePolicy.Default with
            {
                Verification = new VerificationRules { Before = TimeSpan.FromMinutes(10), Settle = TimeSpan.Zero, After = TimeSpan.FromSeconds(3) },
                Autonomy = AutonomyPolicy.Default with { Demotion = new DemotionBounds(MinSamples: 2, Window: 5) },
            },
        });
        await SendAsync(silo, HttpMethod.Put, "/api/v1/autonomy", Alice, new { phase = "semi" });

        for (var run = 0; run < 2; run++)
        {
            var now = DateTimeOffset.UtcNow;
            await ProbesAsync(silo, "R2", "ISP-B", Spread(now.AddSeconds(-60), now.AddSeconds(-5), 5), latencyMs: 20, lossPct: 0.1);
            var id = (await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", Olga, HarmlessChange, HttpStatusCode.Created)).GetProperty("id").GetString()!;
            var windows = await PendingWindowsAsync(silo, id);
            await ProbesAsync(silo, "R2", "ISP-B", Spread(windows.AfterFrom, windows.AfterTo, 4), latencyMs: 150, lossPct: 5);
            var done = await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED", 30);
            Assert.True(State(done) == "ROLLED_BACK", done.ToString());
            // The rollback restored the path: the newest probe (which the next what-if measures the network by) is healthy again.
            await ProbesAsync(silo, "R2", "ISP-B", [DateTimeOffset.UtcNow], latencyMs: 20, lossPct: 0.1);
        }

        var autonomy = await SendAsync(silo, HttpMethod.Get, "/api/v1/autonomy", Alice);
        var demotion = Assert.Single(autonomy.GetProperty("demotions").EnumerateArray());
        Assert.Equal("default/edge/path-preference", demotion.GetProperty("scope").GetString());
        Assert.Equal((0.0, 2), (demotion.GetProperty("accuracy").GetDouble(), demotion.GetProperty("samples").GetInt32()));
        Assert.Equal("accuracy 0 < 0.9 over the last 2 outcomes", demotion.GetProperty("reason").GetString());
        var record = Assert.Single(autonomy.GetProperty("trackRecords").EnumerateArray());
        Assert.Equal(2, record.GetProperty("outcomes").GetInt32());

        var audit = await SendAsync(silo, HttpMethod.Get, "/api/v1/audit", Alice);
        var demoted = Assert.Single(audit.EnumerateArray(), e => e.GetProperty("decision").GetString() == "DEMOTED");
        Assert.Equal(("system", "demotion"), (demoted.GetProperty("actor").GetString(), demoted.GetProperty("kind").GetString()));
        Assert.Contains("default/edge/path-preference demoted to passive: accuracy 0 < 0.9", demoted.GetProperty("detail").GetProperty("message").GetString(), StringComparison.Ordinal);

        // The same T1 change again: its scope is passive now, so a person must approve it.
        var next = (await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", Olga, HarmlessChange, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var waiting = await UntilAsync(silo, next, a => State(a) is "AWAITING_APPROVAL" or "EXECUTING" or "VALIDATING" or "COMPLETED" or "BLOCKED" or "FAILED");
        Assert.True(State(waiting) == "AWAITING_APPROVAL", waiting.ToString());
        Assert.Equal("T1", waiting.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task Engineers_verdicts_count_once_per_action_toward_the_scope_s_track_record()
    {
        await using var silo = await SiloAsync(TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var first = (await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", Olga, HarmlessChange, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var second = (await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", Olga, HarmlessChange, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        foreach (var id in new[] { first, second })
        {
            // Passive (the default): the T1 change is recommended, and waits for a person.
            Assert.Equal("AWAITING_APPROVAL", State(await UntilAsync(silo, id, a => State(a) is "AWAITING_APPROVAL" or "FAILED" or "BLOCKED" or "COMPLETED")));
        }

        await FeedbackAsync(silo, first, "disagree");
        await FeedbackAsync(silo, second, "partial");
        await FeedbackAsync(silo, first, "agree");

        var record = Assert.Single((await SendAsync(silo, HttpMethod.Get, "/api/v1/autonomy", Alice)).GetProperty("trackRecords").EnumerateArray());
        Assert.Equal(("default/edge/path-preference", 2), (record.GetProperty("scope").GetString(), record.GetProperty("outcomes").GetInt32()));
        Assert.Equal(0.15, record.GetProperty("accuracy").GetDouble(), 9);
    }

    // The shadow grain learns of an action from the live feed, so the first verdict may have to wait for it.
    private static async Task FeedbackAsync(TestSilo silo, string id, string verdict)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/actions/{id}/feedback") { Content = System.Net.Http.Json.JsonContent.Create(new { verdict }) };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Olga);
            using var response = await silo.Client.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"feedback on {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(100);
        }
    }

    private static IEnumerable<string> Conflicts(JsonElement whatIf) =>
        whatIf.GetProperty("checks").GetProperty("policyConflicts").EnumerateArray().Select(c => c.ToString());
}
