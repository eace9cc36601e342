using System.Text.Json;
using OrleansNetOps.Twin.Scenarios;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Tests;

/// <summary><c>POST /api/v1/twin/scenarios</c>: generated failures, each with its what-if.</summary>
public sealed class ScenarioTests
{
    private static ScenarioRequest Read(string json, out IReadOnlyList<string> errors)
    {
        using var document = JsonDocument.Parse(json);
        return ScenarioRequest.FromJson(document.RootElement, out errors);
    }

    [Fact]
    public void Generated_failures_come_with_their_what_ifs_and_only_of_the_kinds_asked()
    {
        var request = Read("""{ "kinds": ["LINK_CUT", "PREFIX_WITHDRAWAL"], "count": 12, "seed": 5 }""", out var errors);
        Assert.Empty(errors);
        var outcomes = FailureScenarios.Run(Seed.State, request);
        Assert.Equal(12, outcomes.Count);
        Assert.All(outcomes, o => Assert.Contains(o.Scenario.Kind, new[] { FailureKind.LinkCut, FailureKind.PrefixWithdrawal }));
        Assert.Contains(outcomes, o => o.Scenario.Kind == FailureKind.LinkCut);
        Assert.Contains(outcomes, o => o.Scenario.Kind == FailureKind.PrefixWithdrawal);
        Assert.All(outcomes, o => Assert.False(o.Result.Invalid, string.Join("; ", o.Result.Errors)));
        Assert.All(outcomes, o => Assert.All(o.Scenario.Changes, c => Assert.IsAssignableFrom<NetworkEvent>(c)));

        // Each is exactly the what-if of its events, which the API can send back as a request.
        foreach (var outcome in outcomes)
        {
            var json = "{\"changes\":[" + string.Join(',', outcome.Scenario.Changes.Select(c => TwinChangeJson.Write(c).ToJsonString())) + "]}";
            using var document = JsonDocument.Parse(json);
            var again = WhatIfEngine.Run(Seed.State, WhatIfRequest.FromJson(document.RootElement, out var readErrors));
            Assert.Empty(readErrors);
            Assert.Equal(JsonSerializer.Serialize(outcome.Result with { SimulationMs = 0 }), JsonSerializer.Serialize(again with { SimulationMs = 0 }));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_scenarios_and_all_kinds_by_default()
    {
        var a = FailureScenarios.Run(Seed.State, new ScenarioRequest([], 30, 9, 2)).Select(o => o.Scenario.ToString());
        var b = FailureScenarios.Run(Seed.State, new ScenarioRequest([], 30, 9, 2)).Select(o => o.Scenario.ToString());
        Assert.Equal(a, b);
        Assert.Equal(5, FailureScenarios.Run(Seed.State, new ScenarioRequest([], 40, 3)).Select(o => o.Scenario.Kind).Distinct().Count());

        var defaults = Read("{}", out var errors);
        Assert.Empty(errors);
        Assert.Equal((ScenarioRequest.DefaultCount, 1, 1), (defaults.Count, defaults.Seed, defaults.MaxFailures));
    }

    [Fact]
    public void A_peer_loss_is_a_session_closed_at_once_not_an_action_of_ours()
    {
        var loss = FailureScenarios.Run(Seed.State, new ScenarioRequest([FailureKind.PeerLoss], 3, 4)).First();
        var link = Assert.IsType<LinkStateChange>(Assert.Single(loss.Scenario.Changes));
        Assert.Equal(0, link.HoldTimeMs);
        Assert.Equal(0, loss.Result.PredictedSla.Convergence.DetectionMs);
    }

    [Fact]
    public void Bad_requests_name_the_field()
    {
        Read("""{ "kinds": ["LINK_CUT", "FIRE", 3], "count": 500, "seed": "x", "maxFailures": 0 }""", out var errors);
        Assert.Equal(
        [
            "kinds[1]: 'FIRE' is not one of LINK_CUT, PEER_LOSS, PREFIX_WITHDRAWAL, ISP_ROUTE_LEAK, EDGE_ROUTE_LEAK",
            "kinds[2]: number is not one of LINK_CUT, PEER_LOSS, PREFIX_WITHDRAWAL, ISP_ROUTE_LEAK, EDGE_ROUTE_LEAK",
            "count: 500 is out of range 1..100",
            "seed: expected an integer, got string",
            "maxFailures: 0 is out of range 1..3",
        ], errors);
    }
}
