using System.Net;
using System.Text.Json;
using OrleansNetOps.Grains.Actions;
using OrleansNetOps.Silo.Tests.Infrastructure;
using static OrleansNetOps.Silo.Tests.Decisions.DecisionApiTests;

namespace OrleansNetOps.Silo.Tests.Decisions;

/// <summary>The coordinator's queue on a real silo: who waits for a contended lease goes in priority order, not arrival order.</summary>
public sealed class CoordinatorQueueTests
{
    private const string Bob = "bob-key-0123456789ab";

    [Fact]
    public async Task A_critical_change_that_arrives_later_is_shown_first_and_takes_the_lease_before_a_minor_one()
    {
        await using var silo = await SiloAsync(TimeSpan.Zero, TimeSpan.FromSeconds(4));
        await SendAsync(silo, HttpMethod.Put, "/api/v1/autonomy", "alice-key-0123456789", new { phase = "semi" });

        // The first change holds R2's ISP-B policy while it is verified (4 s); two more on the same object arrive meanwhile.
        var holder = (await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "olga-key-01234567890", HarmlessChange, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        Assert.Equal("VALIDATING", State(await UntilAsync(silo, holder, a => State(a) is "VALIDATING" or "COMPLETED" or "FAILED" or "AWAITING_APPROVAL")));
        var minor = await ProposeAsync(silo, "queue-minor", 60, severity: null, impact: 0);
        await UntilQueuedAsync(silo, minor);
        var critical = await ProposeAsync(silo, "queue-critical", 70, severity: "critical", impact: 0.4);
        var queue = await UntilQueuedAsync(silo, critical);

        Assert.Equal([(critical, "critical", 1), (minor, "minor", 2)],
            queue.EnumerateArray().Select(q => (q.GetProperty("actionId").GetString()!, q.GetProperty("severity").GetString()!, q.GetProperty("position").GetInt32())));
        Assert.All(queue.EnumerateArray(), q => Assert.Equal("R2|ISP-B|out", q.GetProperty("waitingFor").GetString()));

        // When the holder lets go, the critical change is applied first although the minor one asked first.
        foreach (var id in new[] { holder, critical, minor })
        {
            Assert.Equal("COMPLETED", State(await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "FAILED" or "ROLLED_BACK" or "BLOCKED", 60)));
        }

        var audit = await SendAsync(silo, HttpMethod.Get, "/api/v1/audit", Bob);
        var executions = audit.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "execution").Select(e => e.GetProperty("actionId").GetString()!);
        Assert.Equal([holder, critical, minor], executions);
        Assert.Empty((await SendAsync(silo, HttpMethod.Get, "/api/v1/queue", Bob)).EnumerateArray());
    }

    private static async Task<string> ProposeAsync(TestSilo silo, string key, int med, string? severity, double impact)
    {
        var id = ActionIds.For("default", key);
        var reply = await silo.Grains.GetGrain<IActionGrain>(id).ProposeAsync(new ActionProposal("R2", "MED_ADJUST",
            $$"""{"peer":"ISP-B","direction":"out","med":{{med}}}""", "queue test", "queue-test", "default", 1.0, key, null)
        {
            Severity = severity,
            ServiceImpact = impact,
        });
        Assert.True(reply.Status == 200, reply.Error);
        return id;
    }

    private static async Task<JsonElement> UntilQueuedAsync(TestSilo silo, string id)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var queue = await SendAsync(silo, HttpMethod.Get, "/api/v1/queue", Bob);
            if (queue.EnumerateArray().Any(q => q.GetProperty("actionId").GetString() == id))
            {
                return queue;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{id} never joined the queue: {queue}; action: {await ActionAsync(silo, id)}");
            await Task.Delay(50);
        }
    }
}
