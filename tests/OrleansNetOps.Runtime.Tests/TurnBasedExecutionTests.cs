using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public sealed class TurnBasedExecutionTests
{
    [Fact]
    public async Task A_thousand_concurrent_calls_into_one_grain_never_overlap_even_across_awaits()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ITurnGrain>("hot");

        var calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => grain.WorkAsync())).ToArray();
        var results = await Task.WhenAll(calls);

        var report = await grain.ReportAsync();
        Assert.Equal(1, report.MaxInside);
        Assert.Equal(1000, report.Turns);
        // Every request saw the counter its predecessor left: no lost update, so no overlap.
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
    }

    [Fact]
    public async Task Timer_ticks_never_overlap_with_requests()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ITurnGrain>("timed");
        await grain.StartTimerAsync(TimeSpan.FromMilliseconds(1));

        // Keep requests coming until the timer has ticked a few times among them (a loaded machine may delay the first tick).
        var rounds = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        (int MaxInside, int Turns, int Interleavings, int ActivationCount, int TimerTicks) report;
        do
        {
            await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => grain.WorkAsync())));
            rounds++;
            report = await grain.ReportAsync();
        }
        while ((rounds < 20 || report.TimerTicks < 3) && DateTime.UtcNow < deadline);

        Assert.True(report.TimerTicks >= 3, $"the timer ticked only {report.TimerTicks} times in {rounds} rounds");
        Assert.Equal(1, report.MaxInside);
        Assert.Equal((rounds * 50) + report.TimerTicks, report.Turns);
    }

    [Fact]
    public async Task Reentrant_grain_interleaves_requests_but_never_runs_two_turns_at_once()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IReentrantTurnGrain>("r");

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => grain.WorkAsync())));

        var (maxInsideTurn, maxRequestsInFlight) = await grain.ReportAsync();
        Assert.Equal(1, maxInsideTurn);
        Assert.True(maxRequestsInFlight > 1, $"requests never interleaved (max in flight {maxRequestsInFlight}); [Reentrant] had no effect");
    }

    [Fact]
    public async Task A_hot_grain_serves_a_million_back_to_back_calls_without_losing_one()
    {
        // A guard on the scheduler's wake-up protocol, not a proof: with a release write instead of a full fence
        // between clearing "scheduled" and re-checking the queue, a task was lost every few hundred thousand calls
        // on x86 when the caller ran at high priority (found by the benchmark harness); this loop rarely hits it.
        await using var silo = await TestSilo.StartAsync(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        var grain = silo.Grains.GetGrain<IChainGrain>("hot-loop");
        await grain.PingAsync();

        var calls = 0;
        for (var batch = 0; batch < 1000; batch++)
        {
            // Each batch starts from a fresh thread-pool work item, as a harness driving the grain would.
            await Task.Run(async () =>
            {
                for (var i = 0; i < 1000; i++)
                {
                    await grain.PingAsync();
                    calls++;
                }
            });
        }

        Assert.Equal(1_000_000, calls);
        Assert.Equal(0, silo.Silo.GetMetrics().CallTimeouts);
    }

    [Fact]
    public async Task Concurrent_first_calls_create_exactly_one_activation()
    {
        await using var silo = await TestSilo.StartAsync();
        var before = TurnGrain.Activations;
        var key = "first-" + Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => silo.Grains.GetGrain<ITurnGrain>(key).WorkAsync())));

        Assert.Equal(before + 1, TurnGrain.Activations);
        Assert.Equal(1, silo.Silo.GetMetrics().Activations);
    }
}
