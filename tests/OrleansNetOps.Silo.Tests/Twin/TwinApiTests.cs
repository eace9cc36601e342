using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Twin;

public sealed class TwinApiTests
{
    [Fact]
    public async Task A_what_if_on_the_live_network_reports_changed_best_paths_and_changes_nothing()
    {
        await using var silo = await SimulatedSiloAsync();
        await WaitForRoutersAsync(silo);
        var before = await silo.Client.GetStringAsync("/api/v1/routers/R3/rib?afi=ipv4&view=loc");

        using var response = await silo.Client.PostAsJsonAsync("/api/v1/twin/whatif", new
        {
            changes = new[] { new { router = "R2", action = "LOCAL_PREF_ADJUST", @params = new { peer = "ISP-B", direction = "in", localPref = 200 } } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(result.GetProperty("passed").GetBoolean());
        var r3 = result.GetProperty("changes").EnumerateArray()
            .Single(c => c.GetProperty("router").GetString() == "R3" && c.GetProperty("prefix").GetString() == "8.8.8.0/24");
        Assert.Equal([1234u, 15169u], r3.GetProperty("before").GetProperty("asPath").EnumerateArray().Select(a => a.GetUInt32()));
        Assert.Equal([5678u, 15169u], r3.GetProperty("after").GetProperty("asPath").EnumerateArray().Select(a => a.GetUInt32()));
        Assert.Equal(200u, r3.GetProperty("after").GetProperty("localPref").GetUInt32());
        Assert.Contains("R3", result.GetProperty("blastRadius").GetProperty("routers").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(before, await silo.Client.GetStringAsync("/api/v1/routers/R3/rib?afi=ipv4&view=loc"));
    }

    [Fact]
    public async Task A_best_route_reads_the_same_in_the_live_Loc_RIB_and_in_the_twin()
    {
        await using var silo = await SimulatedSiloAsync();
        await WaitForRoutersAsync(silo);
        var live = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/v1/routers/R1/rib?afi=ipv4&view=loc&prefix=8.8.8.0/24")).RootElement;
        Assert.False(live.GetProperty("computed").GetBoolean());

        using var response = await silo.Client.PostAsJsonAsync("/api/v1/twin/whatif", new
        {
            changes = new[] { new { router = "R1", action = "LOCAL_PREF_ADJUST", @params = new { peer = "ISP-A", direction = "in", localPref = 50 } } },
        });
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var before = result.GetProperty("changes").EnumerateArray()
            .Single(c => c.GetProperty("router").GetString() == "R1" && c.GetProperty("prefix").GetString() == "8.8.8.0/24").GetProperty("before");

        // The router sends its Loc-RIB under the all-zero peer (RFC 9069); the route still names ISP-A's session, as the twin does.
        var route = Assert.Single(live.GetProperty("routes").EnumerateArray());
        Assert.Equal("203.0.113.2", route.GetProperty("peerAddress").GetString());
        foreach (var field in before.EnumerateObject())
        {
            Assert.True(route.TryGetProperty(field.Name, out var value), $"the live route has no {field.Name}");
            Assert.Equal(field.Value.GetRawText(), value.GetRawText());
        }

        // A neighbour filter on the Loc-RIB takes the routes learned from that neighbour.
        var fromIspA = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/v1/routers/R1/rib?afi=ipv4&view=loc&peer=203.0.113.2")).RootElement
            .GetProperty("routes").EnumerateArray().ToList();
        Assert.Contains(fromIspA, r => r.GetProperty("prefix").GetString() == "8.8.8.0/24");
        Assert.All(fromIspA, r => Assert.Equal("203.0.113.2", r.GetProperty("peerAddress").GetString()));
        Assert.DoesNotContain(fromIspA, r => r.GetProperty("prefix").GetString() == "151.101.0.0/16");
    }

    [Theory]
    [InlineData("""{"changes":[{"router":"R2","action":"LOCAL_PREF_ADJUST","params":{"localPref":"high"}}]}""", "changes[0].params.localPref")]
    [InlineData("""{"changes":[{"router":"R9","action":"LOCAL_PREF_ADJUST","params":{"peer":"ISP-B","localPref":150}}]}""", "changes[0].router")]
    [InlineData("""{"changes":[{"router":"R2","action":"TELEPORT","params":{}}]}""", "changes[0].action")]
    [InlineData("""{"nochanges":true}""", "changes")]
    public async Task A_bad_what_if_is_a_400_naming_the_field(string body, string field)
    {
        await using var silo = await SimulatedSiloAsync();

        using var response = await silo.Client.PostAsync("/api/v1/twin/whatif", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task The_twin_synced_from_the_simulated_network_shows_no_drift()
    {
        await using var silo = await SimulatedSiloAsync();
        await WaitForRoutersAsync(silo);

        var drift = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/v1/twin/drift")).RootElement;

        Assert.True(drift.GetProperty("baseline").GetProperty("liveFeeds").GetInt32() >= 4);
        Assert.Equal(0, drift.GetProperty("differences").GetArrayLength());
    }

    internal static Task<TestSilo> SimulatedSiloAsync() =>
        TestSilo.StartAsync(TestSilo.MemoryConfig(simulated: true) with { Network = new NetworkConfig { Simulated = true, SimulationStepSeconds = 3600 } });

    internal static async Task WaitForRoutersAsync(TestSilo silo)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var routers = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/v1/routers")).RootElement;
            if (routers.EnumerateArray().All(r => r.GetProperty("status").GetString() == "up" && r.GetProperty("routesHeld").GetInt64() > 0))
            {
                // Let the last Route Monitoring of the first transfer land.
                await Task.Delay(500);
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the simulated routers never came up");
            await Task.Delay(100);
        }
    }
}
