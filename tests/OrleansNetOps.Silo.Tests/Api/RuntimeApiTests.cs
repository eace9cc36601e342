using System.Net;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Api;

public sealed class RuntimeApiTests
{
    [Fact]
    public async Task Runtime_reports_the_cluster_with_this_silo_active_and_its_activations()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        Assert.Equal(1, await silo.Grains.GetGrain<ITallyGrain>("a").AddAsync());
        Assert.Equal(1, await silo.Grains.GetGrain<ITallyGrain>("b").AddAsync());

        using var response = await silo.GetAsync("/api/v1/runtime");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var runtime = await Json.ReadAsync(response);
        Assert.Equal("netops", runtime.GetProperty("clusterId").GetString());
        var self = runtime.GetProperty("silo").GetString();
        var silos = runtime.GetProperty("silos").EnumerateArray().ToList();
        var local = Assert.Single(silos);
        Assert.Equal(self, local.GetProperty("address").GetString());
        Assert.Equal("active", local.GetProperty("status").GetString());
        var tallies = local.GetProperty("activationsByType").EnumerateObject().Single(t => t.Name.Contains(nameof(TallyGrain), StringComparison.Ordinal));
        Assert.Equal(2, tallies.Value.GetInt32());
        Assert.True(runtime.GetProperty("activations").GetInt32() >= 2);
    }
}
