using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Assistant.Learning;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Assistant;

public sealed class LearningApiTests
{
    [Fact]
    public async Task A_training_run_is_versioned_and_waits_for_shadow_A_B_before_promotion()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        // A body that is not a training request is refused before any CPU is spent on it.
        using var stray = await silo.Client.PostAsJsonAsync("/api/v1/learning/runs", new { changes = Array.Empty<int>() });
        Assert.Equal(HttpStatusCode.BadRequest, stray.StatusCode);
        Assert.Contains("not a field of a training request", await stray.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var trained = await silo.Client.PostAsJsonAsync("/api/v1/learning/runs", new { episodes = 40, heldOut = 20, seed = 3 });
        var body = await trained.Content.ReadAsStringAsync();
        Assert.True(trained.StatusCode == HttpStatusCode.Created, body);
        var run = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1, run.GetProperty("modelVersion").GetInt32());
        Assert.Equal(40, run.GetProperty("episodes").GetInt32());
        Assert.False(run.GetProperty("promoted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("agreementRate").ValueKind);
        Assert.Contains("no shadow A/B verdicts", run.GetProperty("reason").GetString(), StringComparison.Ordinal);
        // Nobody has judged anything yet: the run says it learned from the twin alone.
        Assert.Equal(0, run.GetProperty("feedbackDecisions").GetInt32());
        Assert.Contains("no reviewed shadow decisions or judged changes yet", run.GetProperty("trainedOn").GetString(), StringComparison.Ordinal);

        // The candidate's recommendations run in shadow beside production; engineers agree with all of them.
        var stream = silo.App.Services.GetRequiredService<IClusterClient>().GetStreamProvider(NetOpsStreams.Provider).GetStream<NetOpsEvent>(NetOpsStreams.Events());
        for (var i = 0; i < 5; i++)
        {
            var json = JsonSerializer.Serialize(new { id = $"m1-{i}", action = "NO_ACTION", router = "R1", tier = "T1", confidence = 0.9, policy = "model-v1", whatIf = new { passed = true } });
            await stream.OnNextAsync(new NetOpsEvent("action", $"m1-{i}", DateTimeOffset.UtcNow, json));
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        for (var i = 0; i < 5; i++)
        {
            while ((await silo.Client.PostAsJsonAsync($"/api/v1/actions/m1-{i}/feedback", new { verdict = "agree" })).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(DateTime.UtcNow < deadline, "the shadow grain never saw the candidate's actions");
                await Task.Delay(100);
            }
        }

        using var promoted = await silo.Client.PostAsync("/api/v1/learning/models/1/promote", null);
        var expected = PromotionRule.Decide(run.GetProperty("avgReward").GetDouble(), run.GetProperty("productionReward").GetDouble(), 1.0).Promote;
        Assert.Equal(expected ? HttpStatusCode.OK : HttpStatusCode.Conflict, promoted.StatusCode);
        var runs = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/v1/learning/runs")).RootElement;
        Assert.Equal(expected, runs[0].GetProperty("promoted").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Client.PostAsync("/api/v1/learning/models/9/promote", null)).StatusCode);

        // The next run learns from the five verdicts as well as from the twin.
        using var again = await silo.Client.PostAsJsonAsync("/api/v1/learning/runs", new { episodes = 10, heldOut = 5, seed = 4 });
        var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, second.GetProperty("modelVersion").GetInt32());
        Assert.Equal(5, second.GetProperty("feedbackDecisions").GetInt32());
        Assert.Contains("5 engineers' verdicts: NO_ACTION 5 (mean 1)", second.GetProperty("trainedOn").GetString(), StringComparison.Ordinal);
    }
}
