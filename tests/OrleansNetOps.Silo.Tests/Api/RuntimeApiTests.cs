using System.Net;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Api;

public sealed class RuntimeApiTests
{
    [Fact]
    public async Task Runtime_reports_counters_and_a_rate_from_the_second_sample_on()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        using var first = await silo.GetAsync("/api/v1/runtime");
        await Task.Delay(20);
        using var second = await silo.GetAsync("/api/v1/runtime");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var one = await Json.ReadAsync(first);
        var two = await Json.ReadAsync(second);
        Assert.True(one.GetProperty("running").GetBoolean());
        Assert.Equal(0, one.GetProperty("metrics").GetProperty("activations").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, one.GetProperty("callsPerSecond").ValueKind);
        Assert.Equal(0.0, two.GetProperty("callsPerSecond").GetDouble());
        Assert.True(two.GetProperty("sampleWindowSeconds").GetDouble() > 0);
    }
}
