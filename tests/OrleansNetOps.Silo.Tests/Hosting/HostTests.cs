using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Silo.Tests.Infrastructure;
using Orleans.Runtime;

namespace OrleansNetOps.Silo.Tests.Hosting;

public sealed class HostTests
{
    [Fact]
    public async Task Memory_host_is_live_and_ready()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        using var live = await silo.GetAsync("/health/live");
        using var ready = await silo.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("live", (await Json.ReadAsync(live)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await Json.ReadAsync(ready);
        Assert.Equal("ready", report.GetProperty("status").GetString());
        Assert.Equal(0, report.GetProperty("notReady").GetArrayLength());
    }

    [Fact]
    public async Task Auth_mode_none_makes_every_caller_admin_and_says_so_loudly()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        using var whoami = await silo.GetAsync("/api/v1/auth/whoami");
        using var keys = await silo.GetAsync("/api/v1/admin/keys", key: "any-key-at-all-is-ignored");

        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        var body = await Json.ReadAsync(whoami);
        Assert.Equal(["viewer", "operator", "approver", "admin"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("none", body.GetProperty("authMode").GetString());
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        var warnings = silo.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Contains(warnings, m => m.Contains("AUTHENTICATION IS OFF", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("ADMIN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Banner_names_url_storage_and_auth_mode()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        var banner = Assert.Single(silo.Logs.Entries, e => e.Message.StartsWith("OrleansNetOps silo started", StringComparison.Ordinal)).Message;

        Assert.Contains(silo.BaseAddress.ToString().TrimEnd('/'), banner, StringComparison.Ordinal);
        Assert.Contains("storage memory", banner, StringComparison.Ordinal);
        Assert.Contains("auth none", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_path_is_a_problem_document()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        using var response = await silo.GetAsync("/api/v1/no-such-thing");

        var problem = await Json.ReadProblemAsync(response, 404);
        Assert.Equal("/api/v1/no-such-thing", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Invalid_query_value_is_a_validation_problem_with_errors()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        using var response = await silo.GetAsync("/api/v1/admin/keys?role=king");

        var problem = await Json.ReadProblemAsync(response, 400);
        var messages = problem.GetProperty("errors").GetProperty("role").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["'king' is not one of viewer, operator, approver, admin"], messages);
    }

    [Fact]
    public async Task Wrong_method_is_a_problem_document()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        using var response = await silo.Client.DeleteAsync(new Uri("/api/v1/runtime", UriKind.Relative));

        await Json.ReadProblemAsync(response, 405);
    }

    [Fact]
    public async Task Openapi_document_describes_the_api()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        using var response = await silo.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Json.ReadAsync(response);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/runtime", paths);
        Assert.Contains("/api/v1/auth/whoami", paths);
        Assert.Contains("/api/v1/admin/keys", paths);
        Assert.Contains("/health/ready", paths);
        Assert.Contains("/metrics", paths);
    }

    [Fact]
    public async Task Docs_serve_the_interactive_page_for_the_openapi_document()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        using var page = await silo.GetAsync("/docs");
        using var initializer = await silo.GetAsync("/docs/index.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, initializer.StatusCode);
        Assert.Contains("/openapi/v1.json", await initializer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_host_stops_the_silo_after_http()
    {
        var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        var membership = silo.App.Services.GetRequiredService<IClusterMembershipService>();
        var self = silo.App.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        Assert.Equal(SiloStatus.Active, membership.CurrentSnapshot.GetSiloStatus(self));

        await silo.DisposeAsync();

        Assert.True(membership.CurrentSnapshot.GetSiloStatus(self).IsTerminating(), "the silo did not leave the cluster");
        var messages = silo.Logs.Entries.Select(e => e.Message).ToList();
        var draining = messages.FindIndex(m => m.StartsWith("Shutting down", StringComparison.Ordinal));
        var siloStopping = messages.FindIndex(m => m.Contains("Orleans Silo stopped", StringComparison.Ordinal));
        Assert.True(draining >= 0, "no 'Shutting down' line");
        Assert.True(siloStopping > draining, $"the silo stopped before HTTP drained: {string.Join(" | ", messages.Skip(draining))}");
    }
}
