using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Silo.Decisions;
using OrleansNetOps.Silo.Tests.Infrastructure;
using static OrleansNetOps.Silo.Tests.Decisions.DecisionApiTests;

namespace OrleansNetOps.Silo.Tests.Decisions;

/// <summary>
/// Known fault → known runbook, end to end on the silo: an Alertmanager "deployment regression" alert on a service
/// opens one incident, runbooks.yaml maps it to <c>rollback-deployment</c>, the resolver proposes that RUNBOOK with the
/// incident's fields, an approver approves, and the runbook's HTTP steps run against a local HTTP server that speaks a
/// deployment API (snapshot the version, roll back, verify, undo). The audit chain records it and verifies.
/// </summary>
public sealed class RunbookIncidentTests : IAsyncLifetime
{
    private const string ApiKey = "deploy-secret-7f3a9c";
    private readonly ConcurrentDictionary<string, string> _versions = new(StringComparer.Ordinal) { ["checkout"] = "2.5.0", ["payments"] = "3.0.0", ["ledger"] = "5.2.0" };
    private readonly ConcurrentQueue<(string Path, string Body)> _calls = new();
    private WebApplication? _api;
    private string _base = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _api = builder.Build();
        _api.MapGet("/api/deployments/{service}/version", (string service) =>
            _versions.TryGetValue(service, out var v) ? Results.Text(v) : Results.NotFound());

        // payments' rollback is accepted but leaves the service broken: its verify step fails and the undo step runs;
        // ledger's is refused outright.
        _api.MapPost("/api/deployments/{service}/{verb}", async (string service, string verb, HttpRequest request) =>
        {
            if (request.Headers["X-Api-Key"] != ApiKey)
            {
                return Results.Unauthorized();
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            _calls.Enqueue(($"{verb} {service}", body.RootElement.GetRawText()));
            var version = body.RootElement.GetProperty("version").GetString()!;
            if (verb == "rollback" && service == "ledger")
            {
                return Results.Problem("deployment controller unavailable", statusCode: 503);
            }

            _versions[service] = verb == "rollback" && service == "payments" ? "crash-looping" : version;
            return Results.Json(new { service, version = _versions[service] }, statusCode: 202);
        });
        await _api.StartAsync();
        _base = _api.Urls.Single();
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_deployment_regression_alert_opens_one_incident_whose_approved_rollback_runbook_calls_the_deployment_api_once_and_verifies()
    {
        await using var silo = await TestSilo.StartAsync(Options(TimeSpan.Zero, TimeSpan.FromSeconds(1)) with { Runbooks = Runbooks() });
        await AlertAsync(silo, "checkout", "app-07", "2.4.1");

        var (incident, action) = await ProposedAsync(silo);
        Assert.Equal("RUNBOOK", action.GetProperty("action").GetString());
        Assert.Equal("rollback-deployment", action.GetProperty("router").GetString());
        Assert.Equal("T2", action.GetProperty("tier").GetString());
        var fields = action.GetProperty("fields");
        Assert.Equal("checkout", fields.GetProperty("service").GetString());
        Assert.Equal("2.4.1", fields.GetProperty("previousVersion").GetString());
        Assert.Equal(incident, fields.GetProperty("incident.id").GetString());
        Assert.Empty(_calls);

        var id = action.GetProperty("id").GetString()!;
        await SendAsync(silo, HttpMethod.Post, $"/api/v1/actions/{id}/approve", "bob-key-0123456789ab", new { comment = "roll it back" });
        var done = await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED");

        Assert.Equal("COMPLETED", State(done));
        var call = Assert.Single(_calls);
        Assert.Equal("rollback checkout", call.Path);
        using (var body = JsonDocument.Parse(call.Body))
        {
            Assert.Equal("2.4.1", body.RootElement.GetProperty("version").GetString());
            Assert.Equal(incident, body.RootElement.GetProperty("incident").GetString());
        }

        Assert.Equal("2.4.1", _versions["checkout"]);
        Assert.Equal("runbook", done.GetProperty("execution").GetProperty("driver").GetString());
        Assert.Equal("VERIFIED", done.GetProperty("verification").GetProperty("outcome").GetString());
        Assert.Contains("verify succeeds: GET", done.GetProperty("verification").GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, done.GetProperty("whatIf").ValueKind);

        var timeline = (await SendAsync(silo, HttpMethod.Get, $"/api/v1/incidents/{incident}", "alice-key-0123456789")).GetProperty("timeline");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("known fault 'deployment-regression': run rollback-deployment", StringComparison.Ordinal));
        await AuditShowsAsync(silo, id, "APPLIED", ["PROPOSED", "APPLIED", "VERIFIED"]);
    }

    [Fact]
    public async Task When_the_runbooks_verify_step_fails_its_undo_step_restores_the_snapshot_and_the_action_is_rolled_back()
    {
        await using var silo = await TestSilo.StartAsync(Options(TimeSpan.Zero, TimeSpan.FromSeconds(1)) with { Runbooks = Runbooks() });
        await AlertAsync(silo, "payments", "app-12", "2.9.9");

        var (_, action) = await ProposedAsync(silo);
        var id = action.GetProperty("id").GetString()!;
        await SendAsync(silo, HttpMethod.Post, $"/api/v1/actions/{id}/approve", "bob-key-0123456789ab", new { comment = "go" });
        var done = await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED");

        Assert.Equal("ROLLED_BACK", State(done));
        Assert.Equal(["rollback payments", "deploy payments"], _calls.Select(c => c.Path));
        Assert.Contains("\"3.0.0\"", _calls.Last().Body, StringComparison.Ordinal);
        Assert.Equal("3.0.0", _versions["payments"]);
        await AuditShowsAsync(silo, id, "APPLY_FAILED", ["PROPOSED", "APPLY_FAILED", "ROLLED_BACK"]);
    }

    [Fact]
    public async Task A_run_step_the_deployment_api_refuses_is_not_sent_again_and_its_undo_step_runs()
    {
        await using var silo = await TestSilo.StartAsync(Options(TimeSpan.Zero, TimeSpan.FromSeconds(1)) with { Runbooks = Runbooks() });
        await AlertAsync(silo, "ledger", "app-21", "5.1.0");

        var (_, action) = await ProposedAsync(silo);
        var id = action.GetProperty("id").GetString()!;
        await SendAsync(silo, HttpMethod.Post, $"/api/v1/actions/{id}/approve", "bob-key-0123456789ab", new { comment = "go" });
        var done = await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal("ROLLED_BACK", State(done));
        Assert.Equal(["rollback ledger", "deploy ledger"], _calls.Select(c => c.Path));
        Assert.Contains("HTTP status 503", done.GetProperty("execution").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("5.2.0", _versions["ledger"]);
        await AuditShowsAsync(silo, id, "APPLY_FAILED", ["PROPOSED", "APPLY_FAILED", "ROLLED_BACK"]);
    }

    [Fact]
    public async Task An_operators_runbook_without_the_fields_its_templates_need_fails_before_anything_runs()
    {
        await using var silo = await TestSilo.StartAsync(Options(TimeSpan.Zero, TimeSpan.FromSeconds(1)) with { Runbooks = Runbooks() });
        var proposed = await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "olga-key-01234567890",
            new { router = "rollback-deployment", action = "RUNBOOK", @params = new { }, reason = "by hand" }, HttpStatusCode.Created);
        var unknown = await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "olga-key-01234567890",
            new { router = "reboot-everything", action = "RUNBOOK", @params = new { }, reason = "by hand" }, HttpStatusCode.Created);

        var failed = await UntilAsync(silo, proposed.GetProperty("id").GetString()!, a => State(a) is "FAILED" or "AWAITING_APPROVAL" or "COMPLETED");
        Assert.Equal("FAILED", State(failed));
        Assert.Contains("'{{service}}' names no field of the incident", Reasons(failed), StringComparison.Ordinal);
        var refused = await UntilAsync(silo, unknown.GetProperty("id").GetString()!, a => State(a) is "FAILED" or "AWAITING_APPROVAL" or "COMPLETED");
        Assert.Contains("'reboot-everything' is not a configured runbook", Reasons(refused), StringComparison.Ordinal);
        Assert.Empty(_calls);
    }

    [Fact]
    public async Task A_script_runbook_runs_a_real_program_with_the_incidents_fields_as_its_arguments()
    {
        var state = Directory.CreateTempSubdirectory("netops-runbook-");
        try
        {
            var script = Path.Combine(state.FullName, "servicectl");
            await File.WriteAllTextAsync(script, """
                #!/bin/bash
                # servicectl STATE COMMAND SERVICE [INCIDENT]: every argv entry is logged, one per line, to STATE/argv.log.
                set -euo pipefail
                state="$1"; shift
                { echo "--- $#"; printf '%s\n' "$@"; } >> "$state/argv.log"
                case "$1" in
                  restart) echo "restarted by $3" > "$state/$2.state"; echo "restarted $2" ;;
                  healthy) grep -q restarted "$state/$2.state" ;;
                  *) exit 64 ;;
                esac
                """);
            var yaml = $$$"""
                runbooks:
                  - name: restart-service
                    run: { program: /bin/bash, arguments: ["{{{script}}}", "{{{state.FullName}}}", restart, "{{service}}", "{{incident.id}}"] }
                    verify: { program: /bin/bash, arguments: ["{{{script}}}", "{{{state.FullName}}}", healthy, "{{service}}"] }
                faults:
                  - name: crash-loop
                    runbook: restart-service
                    match: { evidence: { alertname: ServiceCrashLooping }, services: ["order book"] }
                """;
            var runbooks = RunbooksFile.Parse(yaml, "runbooks.yaml", new Dictionary<string, string?>());
            await using var silo = await TestSilo.StartAsync(Options(TimeSpan.Zero, TimeSpan.FromSeconds(1)) with { Runbooks = runbooks });
            await AlertAsync(silo, "order book", "app-03", "1.0", "ServiceCrashLooping");

            var (incident, action) = await ProposedAsync(silo);
            var id = action.GetProperty("id").GetString()!;
            await SendAsync(silo, HttpMethod.Post, $"/api/v1/actions/{id}/approve", "bob-key-0123456789ab", new { comment = "restart it" });
            var done = await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED");

            Assert.Equal("COMPLETED", State(done));
            Assert.Equal("restarted by " + incident, (await File.ReadAllTextAsync(Path.Combine(state.FullName, "order book.state"))).Trim());

            // One run and one verify; the service name with its space is one argv entry (no shell in between).
            var log = await File.ReadAllLinesAsync(Path.Combine(state.FullName, "argv.log"));
            Assert.Equal(["--- 3", "restart", "order book", incident, "--- 2", "healthy", "order book"], log);
            Assert.Equal("runbook", done.GetProperty("execution").GetProperty("driver").GetString());
            Assert.Equal("VERIFIED", done.GetProperty("verification").GetProperty("outcome").GetString());
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    private static string Reasons(JsonElement action) =>
        string.Join("\n", action.GetProperty("checkpoints").EnumerateArray().Select(c => c.GetProperty("reason").GetString()));

    private RunbooksFile Runbooks()
    {
        var version = $"{_base}/api/deployments/{{{{service}}}}/version";
        var yaml = $$$"""
            runbooks:
              - name: rollback-deployment
                snapshot: { method: GET, url: "{{{version}}}" }
                run:
                  method: POST
                  url: "{{{_base}}}/api/deployments/{{service}}/rollback"
                  headers: { X-Api-Key: { fromEnvironment: DEPLOY_API_KEY } }
                  body: '{"version": "{{previousVersion}}", "incident": "{{incident.id}}"}'
                verify: { method: GET, url: "{{{version}}}", expectOutput: "{{previousVersion}}" }
                undo:
                  method: POST
                  url: "{{{_base}}}/api/deployments/{{service}}/deploy"
                  headers: { X-Api-Key: { fromEnvironment: DEPLOY_API_KEY } }
                  body: '{"version": "{{snapshot}}"}'
            faults:
              - name: deployment-regression
                runbook: rollback-deployment
                match:
                  findingKinds: [external-alert]
                  evidence: { alertname: DeploymentRegression }
                arguments:
                  previousVersion: evidence.previous_version
            """;
        return RunbooksFile.Parse(yaml, "runbooks.yaml", new Dictionary<string, string?> { ["DEPLOY_API_KEY"] = ApiKey });
    }

    private static Task AlertAsync(TestSilo silo, string service, string instance, string previousVersion, string alert = "DeploymentRegression") =>
        SendAsync(silo, HttpMethod.Post, "/api/v1/alerts/alertmanager", "alice-key-0123456789", JsonDocument.Parse($$"""
            {"receiver":"netops","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"{{alert}}","service":"{{service}}",
            "instance":"{{instance}}","severity":"critical","previous_version":"{{previousVersion}}"},
            "annotations":{"summary":"error rate of {{service}} tripled since its last deployment"},"startsAt":"{{DateTimeOffset.UtcNow:O}}",
            "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph","fingerprint":"f{{service}}"}],"groupLabels":{},
            "commonLabels":{},"commonAnnotations":{},"externalURL":"http://alertmanager:9093","version":"4","groupKey":"{}","truncatedAlerts":0}
            """).RootElement);

    // Exactly one incident opens, and its action is proposed and waits for an approver (T2, passive phase).
    private static async Task<(string Incident, JsonElement Action)> ProposedAsync(TestSilo silo)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var incidents = await SendAsync(silo, HttpMethod.Get, "/api/v1/incidents", "alice-key-0123456789");
            if (incidents.GetArrayLength() == 1 && incidents[0].GetProperty("actionIds").GetArrayLength() == 1)
            {
                var id = incidents[0].GetProperty("actionIds")[0].GetString()!;
                var action = await UntilAsync(silo, id, a => State(a) is not ("INITIATED" or "ANALYZING" or "PLANNING"));
                Assert.True(State(action) == "AWAITING_APPROVAL", action.ToString());
                return (incidents[0].GetProperty("id").GetString()!, action);
            }

            Assert.True(incidents.GetArrayLength() <= 1, incidents.ToString());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "no incident proposed a runbook: " + incidents);
            await Task.Delay(100);
        }
    }

    // The audit names the runbook driver, never shows the API key, and its chain verifies.
    private static async Task AuditShowsAsync(TestSilo silo, string actionId, string execution, string[] decisions)
    {
        var audit = await SendAsync(silo, HttpMethod.Get, "/api/v1/audit?actionId=" + actionId, "alice-key-0123456789");
        var text = audit.ToString();
        Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
        var entries = audit.EnumerateArray().ToList();
        Assert.All(decisions, d => Assert.Contains(entries, e => e.GetProperty("decision").GetString() == d));
        var executed = Assert.Single(entries, e => e.GetProperty("kind").GetString() == "execution");
        Assert.Equal(execution, executed.GetProperty("decision").GetString());
        Assert.Contains("\"driver\":\"runbook\"", executed.GetProperty("detail").ToString().Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("X-Api-Key: (set)", executed.GetProperty("detail").ToString(), StringComparison.Ordinal);
        var verify = await SendAsync(silo, HttpMethod.Get, "/api/v1/audit/verify", "alice-key-0123456789");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        var action = await ActionAsync(silo, actionId);
        Assert.DoesNotContain(ApiKey, action.ToString(), StringComparison.Ordinal);
    }
}
