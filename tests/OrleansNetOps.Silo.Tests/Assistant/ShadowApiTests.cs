using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Assistant;

public sealed class ShadowApiTests
{
    [Fact]
    public async Task Actions_from_the_live_feed_are_reviewed_and_counted_per_tier_and_twin_failures_are_not_forwarded()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        await PublishAsync(silo, Action("a-1", "T1", passed: true), Action("a-2", "T2", passed: true), Action("a-3", "T1", passed: false),
            new NetOpsEvent("router", "R1", DateTimeOffset.UtcNow, "{}"));
        await WaitForDecisionsAsync(silo, 3);

        Assert.Equal(HttpStatusCode.OK, (await FeedbackAsync(silo, "a-1", "agree")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FeedbackAsync(silo, "a-2", "disagree")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await FeedbackAsync(silo, "a-3", "agree")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedbackAsync(silo, "a-404", "agree")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await FeedbackAsync(silo, "a-1", "maybe")).StatusCode);

        var stats = await StatsAsync(silo);
        Assert.Equal(3, stats.GetProperty("totalDecisions").GetInt32());
        Assert.Equal(2, stats.GetProperty("reviewed").GetInt32());
        Assert.Equal(1, stats.GetProperty("notForwarded").GetInt32());
        Assert.Equal(0.5, stats.GetProperty("agreement").GetProperty("overall").GetDouble());
        Assert.Equal(1.0, stats.GetProperty("agreement").GetProperty("T1").GetDouble());
        Assert.Equal(0.0, stats.GetProperty("agreement").GetProperty("T2").GetDouble());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("agreement").GetProperty("T3").ValueKind);
        Assert.Equal(0.0, stats.GetProperty("rewardAvg").GetDouble(), 9);
        Assert.False(stats.GetProperty("readyForProduction").GetBoolean());
    }

    [Fact]
    public async Task Shadow_mode_graduates_at_90_percent_over_the_last_30_T1_decisions_and_is_demoted_below()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        await PublishAsync(silo, [.. Enumerable.Range(1, 32).Select(i => Action(Id(i), "T1", passed: true))]);
        await WaitForDecisionsAsync(silo, 32);

        // 29 reviewed, all agree: not yet a full window.
        for (var i = 1; i <= 29; i++)
        {
            await FeedbackAsync(silo, Id(i), i is 5 or 17 ? "disagree" : i == 23 ? "partial" : "agree");
        }

        Assert.False((await StatsAsync(silo)).GetProperty("readyForProduction").GetBoolean());

        // The 30th: 27 agree of 30 = 90 % → graduated.
        await FeedbackAsync(silo, Id(30), "agree");
        var graduated = await StatsAsync(silo);
        Assert.True(graduated.GetProperty("readyForProduction").GetBoolean());
        Assert.Equal(0.9, graduated.GetProperty("t1WindowAgreement").GetDouble(), 9);

        // One more disagreement: the window slides to 26 of 30 → demoted.
        await FeedbackAsync(silo, Id(31), "disagree");
        var demoted = await StatsAsync(silo);
        Assert.False(demoted.GetProperty("readyForProduction").GetBoolean());
        Assert.Equal(30, demoted.GetProperty("t1Window").GetInt32());
        var changes = demoted.GetProperty("graduations").EnumerateArray().Select(g => g.GetProperty("ready").GetBoolean()).ToList();
        Assert.Equal([true, false], changes);
        Assert.Equal((27 + 0.3 - 2 - 1) / 31.0, demoted.GetProperty("rewardAvg").GetDouble(), 9);
    }

    [Fact]
    public async Task A_candidate_policy_runs_beside_production_and_is_scored_apart()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());
        await PublishAsync(silo, Action("p-1", "T1", true), Action("p-2", "T1", true), Action("c-1", "T1", true, "candidate-v2"), Action("c-2", "T2", true, "candidate-v2"));
        await WaitForDecisionsAsync(silo, 4);
        await FeedbackAsync(silo, "p-1", "agree");
        await FeedbackAsync(silo, "p-2", "disagree");
        await FeedbackAsync(silo, "c-1", "agree");
        await FeedbackAsync(silo, "c-2", "agree");

        var perPolicy = (await StatsAsync(silo)).GetProperty("perPolicy").EnumerateArray().ToDictionary(p => p.GetProperty("policy").GetString()!);

        Assert.Equal(1.0, perPolicy["candidate-v2"].GetProperty("agreement").GetDouble());
        Assert.Equal(0.5, perPolicy["production"].GetProperty("agreement").GetDouble());
    }

    private static string Id(int i) => "t1-" + i.ToString("D2", CultureInfo.InvariantCulture);

    private static NetOpsEvent Action(string id, string tier, bool passed, string? policy = null)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["action"] = "LOCAL_PREF_ADJUST", ["router"] = "R1", ["params"] = new { peer = "ISP-A", localPref = 50 },
            ["confidence"] = 0.9, ["tier"] = tier, ["risk"] = "LOW", ["state"] = passed ? "AWAITING_APPROVAL" : "FAILED",
            ["whatIf"] = new { passed, simulationMs = 1.5, errors = passed ? Array.Empty<string>() : ["blackhole 8.8.8.0/24"] },
            ["policy"] = policy,
        });
        return new NetOpsEvent("action", id, DateTimeOffset.UtcNow, json);
    }

    private static async Task PublishAsync(TestSilo silo, params NetOpsEvent[] events)
    {
        var stream = silo.App.Services.GetRequiredService<IClusterClient>().GetStreamProvider(NetOpsStreams.Provider)
            .GetStream<NetOpsEvent>(NetOpsStreams.Events());
        foreach (var item in events)
        {
            await stream.OnNextAsync(item);
        }
    }

    private static async Task WaitForDecisionsAsync(TestSilo silo, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await StatsAsync(silo)).GetProperty("totalDecisions").GetInt32() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the shadow grain never saw {count} actions");
            await Task.Delay(100);
        }
    }

    private static async Task<HttpResponseMessage> FeedbackAsync(TestSilo silo, string id, string verdict) =>
        await silo.Client.PostAsJsonAsync($"/api/v1/actions/{id}/feedback", new { verdict, comment = "scripted" });

    private static async Task<JsonElement> StatsAsync(TestSilo silo) =>
        JsonDocument.Parse(await silo.Client.GetStringAsync("/api/v1/shadow/stats")).RootElement;
}
