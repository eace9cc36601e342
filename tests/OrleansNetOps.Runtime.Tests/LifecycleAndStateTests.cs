using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public sealed class LifecycleAndStateTests
{
    [Fact]
    public async Task A_grain_deactivated_and_reactivated_reads_its_persisted_state()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IStatefulGrain>("R1|203.0.113.2");
        await grain.RecordFlapAsync("4/0 hold timer expired", write: true);
        await grain.RecordFlapAsync("6/2 administrative shutdown", write: true);
        var first = await grain.GetAsync();

        await grain.DeactivateAsync();
        await WaitUntil(() => silo.Silo.GetMetrics().Activations == 0);
        var second = await grain.GetAsync();

        Assert.NotEqual(first.Instance, second.Instance);
        Assert.Equal(2, second.Flaps);
        Assert.Equal(["4/0 hold timer expired", "6/2 administrative shutdown"], second.Reasons);
        Assert.NotNull(second.ETag);
    }

    [Fact]
    public async Task Idle_activations_are_collected_and_come_back_on_the_next_call()
    {
        await using var silo = await TestSilo.StartAsync(o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(200);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        });
        var grain = silo.Grains.GetGrain<IStatefulGrain>("idle");
        await grain.RecordFlapAsync("x", write: false);
        var before = Volatile.Read(ref StatefulGrain.Deactivations);

        await WaitUntil(() => silo.Silo.GetMetrics().Activations == 0);

        Assert.True(Volatile.Read(ref StatefulGrain.Deactivations) > before);
        // OnDeactivateAsync flushed the unsaved flap.
        Assert.Equal(1, (await grain.GetAsync()).Flaps);
    }

    [Fact]
    public async Task Graceful_stop_deactivates_grains_and_flushes_their_state()
    {
        var silo = await TestSilo.StartAsync();
        var storage = silo.Storage;
        await silo.Grains.GetGrain<IStatefulGrain>("flush").RecordFlapAsync("unsaved", write: false);

        await silo.Silo.StopAsync(CancellationToken.None);

        var stored = new GrainState<PeerCounters>(new PeerCounters());
        await storage.ReadStateAsync("counters", new GrainId(nameof(StatefulGrain), "flush"), stored);
        Assert.True(stored.RecordExists);
        Assert.Equal(["unsaved"], stored.State.Reasons);
        await silo.DisposeAsync();
    }

    [Fact]
    public async Task Two_writers_racing_on_one_state_one_wins_the_other_gets_an_etag_conflict()
    {
        var storage = new MemoryGrainStorage();
        var id = new GrainId("peer", "R2|198.51.100.9");
        var seed = new GrainState<PeerCounters>(new PeerCounters { Flaps = 1 });
        await storage.WriteStateAsync("counters", id, seed);

        for (var round = 0; round < 200; round++)
        {
            var one = new GrainState<PeerCounters>(new PeerCounters());
            var two = new GrainState<PeerCounters>(new PeerCounters());
            await storage.ReadStateAsync("counters", id, one);
            await storage.ReadStateAsync("counters", id, two);
            one.State.Reasons = ["one"];
            two.State.Reasons = ["two"];

            var outcomes = await Task.WhenAll(
                Task.Run(() => Outcome(() => storage.WriteStateAsync("counters", id, one))),
                Task.Run(() => Outcome(() => storage.WriteStateAsync("counters", id, two))));

            Assert.Single(outcomes, o => o is null);
            Assert.IsType<InconsistentStateException>(Assert.Single(outcomes, o => o is not null));
            var winner = outcomes[0] is null ? "one" : "two";
            var stored = new GrainState<PeerCounters>(new PeerCounters());
            await storage.ReadStateAsync("counters", id, stored);
            Assert.Equal([winner], stored.State.Reasons);
        }
    }

    [Fact]
    public async Task Insert_only_write_conflicts_when_a_record_already_exists()
    {
        var storage = new MemoryGrainStorage();
        var id = new GrainId("peer", "new");
        await storage.WriteStateAsync("s", id, new GrainState<PeerCounters>(new PeerCounters { Flaps = 1 }));

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("s", id, new GrainState<PeerCounters>(new PeerCounters { Flaps = 2 })));

        Assert.Null(error.CurrentETag);
        Assert.NotNull(error.StoredETag);
    }

    [Fact]
    public async Task Failed_activation_fails_the_call_with_its_exception_and_is_retried_on_the_next_call()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IFailingActivationGrain>("f");
        FailingActivationGrain.Fail = true;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.PingAsync());
        Assert.Equal("BMP session store unavailable", error.Message);

        FailingActivationGrain.Fail = false;
        Assert.Equal("up", await grain.PingAsync());
    }

    private static async Task<Exception?> Outcome(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    internal static async Task WaitUntil(Func<bool> condition, int timeoutMs = 20_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "condition not reached in time");
            await Task.Delay(10);
        }
    }
}
