using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Drivers.Runbooks;

namespace OrleansNetOps.Drivers.Tests.Runbooks;

/// <summary>
/// Seed 001's deployment rollback as an HTTP runbook, against a local stand-in of a deployment API (Kestrel on
/// 127.0.0.1): JSON body and URL built from incident fields without letting them change the request's shape; HTTP
/// status and response checked; timeouts.
/// </summary>
public sealed class HttpRunbookTests : IAsyncLifetime
{
    private const string ApiKey = "k-123";
    private readonly ConcurrentDictionary<string, string> _versions = new(StringComparer.Ordinal) { ["trading-api"] = "2.5.0", ["risk/engine"] = "7.1" };
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly HttpClient _http = new();
    private WebApplication? _api;
    private string _base = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _api = builder.Build();
        // Kestrel leaves an encoded slash encoded in a route value; the service name is the decoded segment.
        _api.MapGet("/api/deployments/{service}/version", (string service) =>
            _versions.TryGetValue(Uri.UnescapeDataString(service), out var v) ? Results.Text(v) : Results.NotFound());
        _api.MapPost("/api/deployments/{service}/rollback", async (string service, HttpRequest request) =>
        {
            service = Uri.UnescapeDataString(service);
            if (request.Headers["X-Api-Key"] != ApiKey)
            {
                return Results.Unauthorized();
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            _bodies.Enqueue(body.RootElement.GetRawText());
            var version = body.RootElement.GetProperty("version").GetString()!;
            if (version == "explode")
            {
                return Results.Problem("deployment controller unavailable", statusCode: 503);
            }

            _versions[service] = version;
            return Results.Json(new { service, version, state = "rolling" }, statusCode: 202);
        });
        _api.MapGet("/api/slow", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20));
            return "late";
        });
        await _api.StartAsync();
        _base = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    private RunbookDefinition Rollback => new("rollback-deployment",
        new HttpRunbookStep("POST", _base + "/api/deployments/{{service}}/rollback")
        {
            Headers = ImmutableSortedDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, new Dictionary<string, string> { ["X-Api-Key"] = "{{apiKey}}" }),
            Body = """{"version": "{{previousVersion}}", "reason": "incident {{incident.id}}"}""",
            SuccessStatuses = [202],
        })
    {
        Snapshot = new HttpRunbookStep("GET", _base + "/api/deployments/{{service}}/version"),
        Check = new HttpRunbookStep("GET", _base + "/api/deployments/{{service}}/version") { ExpectOutput = "{{previousVersion}}" },
        Verify = new HttpRunbookStep("GET", _base + "/api/deployments/{{service}}/version") { ExpectOutput = "{{previousVersion}}" },
        Undo = new HttpRunbookStep("POST", _base + "/api/deployments/{{service}}/rollback")
        {
            Headers = ImmutableSortedDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, new Dictionary<string, string> { ["X-Api-Key"] = "{{apiKey}}" }),
            Body = """{"version": "{{snapshot}}", "reason": "undo {{action.id}}"}""",
            SuccessStatuses = [202],
        },
    };

    private static DeviceAction Action(string service, string previousVersion) => new("act-11", "rollback-deployment", DeviceAction.Runbook, new())
    {
        Fields = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["incident.id"] = "INC-11",
            ["service"] = service,
            ["previousVersion"] = previousVersion,
            ["apiKey"] = ApiKey,
        }),
    };

    [Fact]
    public async Task Local_stand_in_deployment_API_is_rolled_back_verified_and_restored()
    {
        var driver = new RunbookDriver([Rollback], _http);
        var action = Action("trading-api", "2.4.1");

        var snapshot = await driver.SnapshotAsync(action);
        Assert.Equal("2.5.0", snapshot.Text);
        var change = await driver.RenderAsync(action, snapshot);
        Assert.Equal<string>([$"POST {_base}/api/deployments/trading-api/rollback", "X-Api-Key: (set)", "Content-Type: application/json",
            """{"version": "2.4.1", "reason": "incident INC-11"}"""], change.Commands);

        var result = await driver.ExecuteAsync(action, snapshot);
        Assert.True(result.ReadBack.Confirmed);
        Assert.Equal("2.4.1", _versions["trading-api"]);
        Assert.StartsWith("HTTP 202 Accepted", result.Apply.Output, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"rolling\"", result.Apply.Output, StringComparison.Ordinal);

        var again = await driver.ExecuteAsync(action, snapshot);
        Assert.True(again.WasAlreadyPresent);
        Assert.Single(_bodies);

        var rollback = await driver.RollbackAsync(snapshot);
        Assert.True(rollback.Restored, string.Join('\n', rollback.Differences));
        Assert.Equal("2.5.0", _versions["trading-api"]);
    }

    [Fact]
    public async Task Fields_fill_values_but_cannot_change_the_url_or_the_json()
    {
        var driver = new RunbookDriver([Rollback], _http);
        var hostile = "1.0\", \"version\": \"6.6.6";
        var action = Action("risk/engine", hostile);

        await driver.ApplyAsync(await driver.RenderAsync(action, await driver.SnapshotAsync(action)));

        // The slash stays inside the path segment, the quotes inside the JSON string.
        Assert.Equal(hostile, _versions["risk/engine"]);
        using var body = JsonDocument.Parse(Assert.Single(_bodies));
        Assert.Equal(hostile, body.RootElement.GetProperty("version").GetString());
        Assert.Equal(2, body.RootElement.EnumerateObject().Count());

        var header = Assert.Throws<DeviceActionRejectedException>(() =>
            driver.RenderAsync(action with { Fields = action.Fields.SetItem("apiKey", "k\r\nX-Admin: yes") }, DeviceSnapshot.Of("rollback-deployment", "runbook", DateTimeOffset.UnixEpoch, "7.1")).GetAwaiter().GetResult());
        Assert.Contains("run.headers.X-Api-Key: field 'apiKey' holds a line break and cannot go into a header", header.Errors);
    }

    [Fact]
    public async Task An_error_status_and_a_timeout_are_failures_with_what_the_server_said()
    {
        var driver = new RunbookDriver([Rollback, new RunbookDefinition("slow", new HttpRunbookStep("GET", _base + "/api/slow") { Timeout = TimeSpan.FromSeconds(1) })], _http);
        var action = Action("trading-api", "explode");

        var failure = await Assert.ThrowsAsync<DeviceCommandFailedException>(async () => await driver.ApplyAsync(await driver.RenderAsync(action, await driver.SnapshotAsync(action))));
        Assert.Contains("HTTP status 503", failure.Detail, StringComparison.Ordinal);
        Assert.Contains("deployment controller unavailable", failure.Detail, StringComparison.Ordinal);
        Assert.Equal("2.5.0", _versions["trading-api"]);

        var slow = new DeviceAction("act-12", "slow", DeviceAction.Runbook, new());
        var timeout = await Assert.ThrowsAsync<DeviceCommandFailedException>(async () => await driver.ApplyAsync(await driver.RenderAsync(slow, await driver.SnapshotAsync(slow))));
        Assert.Contains("timed out after 1 s", timeout.Detail, StringComparison.Ordinal);
    }
}
