using System.Net;
using System.Text.Json;
using OrleansNetOps.Silo.Tests.Infrastructure;
using static OrleansNetOps.Silo.Tests.Decisions.DecisionApiTests;
using static OrleansNetOps.Silo.Tests.Decisions.VerificationApiTests;

namespace OrleansNetOps.Silo.Tests.Assistant;

/// <summary>Training learns from what executed changes did to the service, as the resolver's verification audited it.</summary>
public sealed class OutcomeLearningTests
{
    private const string Alice = "alice-key-0123456789";

    [Fact]
    public async Task A_rolled_back_change_teaches_the_next_training_run_its_measured_reward()
    {
        await using var silo = await SiloAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        var before = await TrainAsync(silo);
        Assert.Equal(0, before.GetProperty("slaOutcomes").GetInt32());

        // R2's MED toward ISP-B: 20 ms and 0.1 % loss before, 150 ms and 5 % after → rolled back.
        var id = await ProposeAfterProbesAsync(silo, 5);
        var windows = await PendingWindowsAsync(silo, id);
        await ProbesAsync(silo, "R2", "ISP-B", Spread(windows.AfterFrom, windows.AfterTo, 4), latencyMs: 150, lossPct: 5);
        Assert.Equal("ROLLED_BACK", State(await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "ROLLED_BACK" or "FAILED", 30)));

        var after = await TrainAsync(silo);

        // The reward on the twin's scale with the seed SLA (50 ms, 1 %): −(130 / 50) − (4.9 / 1) = −7.5.
        Assert.Equal(1, after.GetProperty("slaOutcomes").GetInt32());
        Assert.Equal(0, after.GetProperty("feedbackDecisions").GetInt32());
        Assert.Contains("1 audited SLA outcomes of executed changes: MED_ADJUST 1 (mean -7.5)", after.GetProperty("trainedOn").GetString(), StringComparison.Ordinal);
    }

    private static Task<JsonElement> TrainAsync(TestSilo silo) =>
        SendAsync(silo, HttpMethod.Post, "/api/v1/learning/runs", Alice, new { episodes = 10, heldOut = 5, seed = 2 }, HttpStatusCode.Created);
}
