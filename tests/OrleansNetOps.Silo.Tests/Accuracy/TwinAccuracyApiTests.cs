using System.Text.Json;
using OrleansNetOps.Grains.Accuracy;
using OrleansNetOps.Grains.Twin;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Tests.Accuracy;

public sealed class TwinAccuracyApiTests
{
    [Fact]
    public async Task Predictions_are_compared_with_the_routers_bmp_view_and_the_figure_is_served_in_the_api_shape()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig(simulated: true) with { Network = new NetworkConfig { Simulated = true, SimulationStepSeconds = 3600 } });
        var empty = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/v1/twin/accuracy")).RootElement;
        Assert.Equal("""{"actions":0,"pathsCompared":0,"pathsEqual":0,"ratio":null,"recent":[]}""", empty.GetRawText());
        await OrleansNetOps.Silo.Tests.Twin.TwinApiTests.WaitForRoutersAsync(silo);

        // A what-if nobody executes: the routers keep their paths, so every predicted change disagrees with BMP,
        // and the same paths taken as the prediction ("after" = "before") all agree.
        var body = JsonDocument.Parse("""{"changes":[{"router":"R2","action":"LOCAL_PREF_ADJUST","params":{"peer":"ISP-B","direction":"in","localPref":200}}]}""").RootElement;
        var request = WhatIfRequest.FromJson(body, out var errors);
        Assert.Empty(errors);
        var whatIf = await silo.Grains.GetGrain<INetworkTwinGrain>("default").WhatIfAsync(request, TwinContext.None);
        var ours = whatIf.Changes.Where(c => c.Router.StartsWith('R')).ToList();
        Assert.Contains(ours, c => c.Router == "R3" && c.Prefix == "8.8.8.0/24");
        var accuracy = silo.Grains.GetGrain<ITwinAccuracyGrain>("default");
        string[] routers = [.. ours.Select(c => c.Router).Distinct()];

        await accuracy.RecordAsync("act-not-executed", whatIf.Changes, routers);
        await accuracy.RecordAsync("act-unchanged", [.. ours.Select(c => c with { After = c.Before })], routers);
        Assert.Contains("act-not-executed", await accuracy.GetPendingAsync());
        var unchanged = await WaitForAsync(accuracy, "act-unchanged");
        Assert.Equal((ours.Count, ours.Count, true), (unchanged.PathsCompared, unchanged.PathsEqual, unchanged.Converged));
        var notExecuted = await WaitForAsync(accuracy, "act-not-executed");
        Assert.Equal((ours.Count, true), (notExecuted.PathsCompared, notExecuted.Converged));
        Assert.Equal(ours.Count - notExecuted.Mismatches.Count, notExecuted.PathsEqual);

        // Every predicted move of next hop or AS path (always reported) disagrees; a change of LOCAL_PREF or MED alone
        // can be judged only where the router reports that attribute.
        var moved = ours.Where(c => c.Before is null || c.After is null || c.Before.NextHop != c.After.NextHop || !c.Before.AsPath.SequenceEqual(c.After.AsPath)).ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, c => Assert.Contains(notExecuted.Mismatches, m => m.Router == c.Router && m.Prefix == c.Prefix));
        var r3 = Assert.Single(notExecuted.Mismatches, m => m.Router == "R3" && m.Prefix == "8.8.8.0/24");
        Assert.StartsWith("via ", r3.Live, StringComparison.Ordinal);
        Assert.Contains("[1234 15169]", r3.Live, StringComparison.Ordinal);
        Assert.Contains("[5678 15169] lp 200", r3.Predicted, StringComparison.Ordinal);

        var figure = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/v1/twin/accuracy?limit=1")).RootElement;
        Assert.Equal(["actions", "pathsCompared", "pathsEqual", "ratio", "recent"], figure.EnumerateObject().Select(p => p.Name));
        var equal = ours.Count + notExecuted.PathsEqual;
        Assert.Equal((2, 2 * ours.Count, equal, (double)equal / (2 * ours.Count)), (figure.GetProperty("actions").GetInt32(), figure.GetProperty("pathsCompared").GetInt32(),
            figure.GetProperty("pathsEqual").GetInt32(), figure.GetProperty("ratio").GetDouble()));
        var latest = Assert.Single(figure.GetProperty("recent").EnumerateArray());
        Assert.Equal("act-not-executed", latest.GetProperty("actionId").GetString());
        Assert.Equal(notExecuted.Ratio!.Value, latest.GetProperty("ratio").GetDouble());
        Assert.Contains(latest.GetProperty("mismatches").EnumerateArray(),
            m => m.GetProperty("prefix").GetString() == "8.8.8.0/24" && m.GetProperty("router").GetString() == "R3");

        using var bad = await silo.Client.GetAsync("/api/v1/twin/accuracy?limit=5000");
        var problem = await Json.ReadProblemAsync(bad, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    private static async Task<OrleansNetOps.Twin.Accuracy.ActionAccuracy> WaitForAsync(ITwinAccuracyGrain accuracy, string actionId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await accuracy.GetActionAsync(actionId) is { } result)
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{actionId} was never compared");
            await Task.Delay(200);
        }
    }
}
