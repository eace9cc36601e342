using System.Net;
using OrleansNetOps.Configuration;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Observability;

public sealed class DashboardTests : IAsyncLifetime
{
    private const string ViewerKey = "dashboard-viewer-key-0123456789";
    private const string AdminKey = "dashboard-admin-key-0123456789";

    private TestSilo _silo = null!;

    public async Task InitializeAsync()
    {
        var keys = new List<ApiKeyConfig>
        {
            new() { Name = "noc", Key = ViewerKey, Roles = [Role.Viewer] },
            new() { Name = "ops-lead", Key = AdminKey, Roles = [Role.Admin] },
        };
        _silo = await TestSilo.StartAsync(TestSilo.MemoryConfig(AuthMode.ApiKey, keys));
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Theory]
    [InlineData("/dashboard/index.html")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/dashboard/ClusterStats")]
    public async Task A_viewer_is_refused_naming_the_role(string path)
    {
        using var response = await _silo.GetAsync(path, ViewerKey);

        var problem = await Json.ReadProblemAsync(response, 403);
        Assert.Equal("This needs the 'admin' role; the key 'noc' has 'viewer'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Without_a_key_the_dashboard_is_401()
    {
        using var response = await _silo.GetAsync("/dashboard/index.html");

        await Json.ReadProblemAsync(response, 401);
    }

    [Fact]
    public async Task An_admin_gets_the_page_and_the_cluster_counters_of_this_silo()
    {
        await _silo.Grains.GetGrain<ITallyGrain>("dashboard").AddAsync();

        using var page = await _silo.GetAsync("/dashboard/index.html", AdminKey);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // The counters are sampled once a second: poll until the dashboard has seen this silo and its grains.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        System.Text.Json.JsonElement counters;
        while (true)
        {
            using var response = await _silo.GetAsync("/dashboard/DashboardCounters", AdminKey);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            counters = await Json.ReadAsync(response);
            if ((counters.GetProperty("totalActiveHostCount").GetInt32() >= 1 && counters.GetProperty("totalActivationCount").GetInt32() > 0) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Equal(1, counters.GetProperty("totalActiveHostCount").GetInt32());
        var silo = Assert.Single(counters.GetProperty("hosts").EnumerateArray());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        Assert.True(counters.GetProperty("totalActivationCount").GetInt32() > 0, counters.ToString());
    }
}
