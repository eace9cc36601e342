using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Twin;

/// <summary>The twin sees what the outside sees, through the API: ISP-side best paths, inbound shift, external events, scenarios.</summary>
public sealed class TwinOutsideApiTests
{
    [Fact]
    public async Task A_prepend_toward_an_isp_moves_that_isps_way_in_to_the_other_edge_and_the_inbound_summary_shows_it()
    {
        await using var silo = await TwinApiTests.SimulatedSiloAsync();
        await TwinApiTests.WaitForRoutersAsync(silo);

        var result = await WhatIfAsync(silo, """
            {"changes":[{"router":"R1","action":"AS_PATH_PREPEND","params":{"peer":"ISP-B","direction":"out","prependCount":3}}]}
            """);

        // ISP-B reaches our 172.16.10.0/24 through R1 (lower router id) before, through R2 after.
        var isp = result.GetProperty("changes").EnumerateArray()
            .Single(c => c.GetProperty("router").GetString() == "ISP-B" && c.GetProperty("prefix").GetString() == "172.16.10.0/24");
        Assert.Equal("203.0.113.5", isp.GetProperty("before").GetProperty("peerAddress").GetString());
        Assert.Equal("203.0.113.9", isp.GetProperty("after").GetProperty("peerAddress").GetString());
        Assert.Equal([65001u], isp.GetProperty("after").GetProperty("asPath").EnumerateArray().Select(a => a.GetUInt32()));

        var inbound = result.GetProperty("inbound").EnumerateArray().ToDictionary(i => i.GetProperty("isp").GetString()!);
        Assert.Equal(["ISP-A", "ISP-B", "ISP-C"], inbound.Keys.Order(StringComparer.Ordinal));
        var ispB = inbound["ISP-B"];
        Assert.InRange(ispB.GetProperty("trafficShareBefore").GetDouble(), 0, 1);
        Assert.InRange(ispB.GetProperty("trafficShareAfter").GetDouble(), 0, 1);
        var r1 = ispB.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("link").GetString() == "R1-ISP-B");
        Assert.True(r1.GetProperty("trafficShareAfter").GetDouble() < r1.GetProperty("trafficShareBefore").GetDouble(),
            $"inbound at R1-ISP-B did not drop: {r1}");
        Assert.Equal(1.0, inbound.Values.Sum(i => i.GetProperty("trafficShareAfter").GetDouble()), 6);
    }

    [Fact]
    public async Task External_events_mix_with_actions_in_one_what_if()
    {
        await using var silo = await TwinApiTests.SimulatedSiloAsync();
        await TwinApiTests.WaitForRoutersAsync(silo);

        var result = await WhatIfAsync(silo, """
            {"changes":[
              {"router":"ISP-A","action":"ISP_WITHDRAW","params":{"prefixes":["93.184.216.0/24"]}},
              {"router":"R1","action":"LINK_DOWN","params":{"peer":"ISP-B","holdTimeMs":0}},
              {"router":"R2","action":"LOCAL_PREF_ADJUST","params":{"peer":"ISP-C","direction":"in","localPref":200}}
            ]}
            """);

        var changes = result.GetProperty("changes").EnumerateArray().ToList();
        // ISP-A was the only source of 93.184.216.0/24: it is gone everywhere, which the checks call a blackhole.
        Assert.Contains(changes, c => c.GetProperty("router").GetString() == "R3" && c.GetProperty("prefix").GetString() == "93.184.216.0/24"
            && c.GetProperty("after").ValueKind == JsonValueKind.Null);
        Assert.Contains("93.184.216.0/24", result.GetProperty("checks").GetProperty("blackholes").EnumerateArray().Select(b => b.GetString()));
        // The local-pref on R2 toward ISP-C still applies beside the events: 1.1.1.0/24 now leaves through ISP-C.
        var r3 = changes.Single(c => c.GetProperty("router").GetString() == "R3" && c.GetProperty("prefix").GetString() == "1.1.1.0/24");
        Assert.Equal(200u, r3.GetProperty("after").GetProperty("localPref").GetUInt32());
        Assert.Equal([9012u, 13335u], r3.GetProperty("after").GetProperty("asPath").EnumerateArray().Select(a => a.GetUInt32()));
    }

    [Fact]
    public async Task Without_flow_data_sla_utilisation_is_unknown_not_zero()
    {
        await using var silo = await TwinApiTests.SimulatedSiloAsync();
        await TwinApiTests.WaitForRoutersAsync(silo);

        var result = await WhatIfAsync(silo, """{"changes":[{"router":"R1","action":"NO_ACTION","params":{}}]}""");

        var perIsp = result.GetProperty("predictedSla").GetProperty("perIsp").EnumerateArray().ToList();
        Assert.Equal(3, perIsp.Count);
        Assert.All(perIsp, p =>
        {
            Assert.Equal(JsonValueKind.Null, p.GetProperty("utilisationBefore").ValueKind);
            Assert.Equal(JsonValueKind.Null, p.GetProperty("utilisationAfter").ValueKind);
            Assert.True(p.GetProperty("latencyMs").GetDouble() > 0);
        });
    }

    [Fact]
    public async Task Scenarios_are_generated_deterministically_each_with_its_what_if_and_their_events_replay_as_a_what_if()
    {
        await using var silo = await TwinApiTests.SimulatedSiloAsync();
        await TwinApiTests.WaitForRoutersAsync(silo);

        using var first = await silo.Client.PostAsJsonAsync("/api/v1/twin/scenarios", new { kinds = new[] { "LINK_CUT", "PREFIX_WITHDRAWAL" }, count = 6, seed = 7 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var scenarios = (await Json.ReadAsync(first)).EnumerateArray().ToList();
        Assert.Equal(6, scenarios.Count);
        Assert.All(scenarios, s => Assert.Contains(s.GetProperty("kind").GetString(), new[] { "LINK_CUT", "PREFIX_WITHDRAWAL" }));
        Assert.All(scenarios, s => Assert.True(s.GetProperty("whatIf").TryGetProperty("passed", out _)));

        using var again = await silo.Client.PostAsJsonAsync("/api/v1/twin/scenarios", new { kinds = new[] { "LINK_CUT", "PREFIX_WITHDRAWAL" }, count = 6, seed = 7 });
        var events = scenarios.Select(s => s.GetProperty("events").GetRawText()).ToList();
        Assert.Equal(events, (await Json.ReadAsync(again)).EnumerateArray().Select(s => s.GetProperty("events").GetRawText()));

        foreach (var scenario in scenarios)
        {
            var replay = await WhatIfAsync(silo, $$"""{"changes":{{scenario.GetProperty("events").GetRawText()}}}""");
            Assert.Equal(Paths(scenario.GetProperty("whatIf")), Paths(replay));
        }

        using var empty = await silo.Client.PostAsync("/api/v1/twin/scenarios", null);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(10, (await Json.ReadAsync(empty)).GetArrayLength());
    }

    [Theory]
    [InlineData("""{"kinds":["FIRE"]}""", "kinds[0]")]
    [InlineData("""{"count":0}""", "count")]
    [InlineData("""{"count":"many"}""", "count")]
    [InlineData("""{"kinds":""", "body")]
    public async Task A_bad_scenarios_request_is_a_400_naming_the_field(string body, string field)
    {
        await using var silo = await TwinApiTests.SimulatedSiloAsync();

        using var response = await silo.Client.PostAsync("/api/v1/twin/scenarios", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    private static List<string> Paths(JsonElement result) =>
        [.. result.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("router")} {c.GetProperty("prefix")} {c.GetProperty("after")}")];

    private static async Task<JsonElement> WhatIfAsync(TestSilo silo, string body)
    {
        using var response = await silo.Client.PostAsync("/api/v1/twin/whatif", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
