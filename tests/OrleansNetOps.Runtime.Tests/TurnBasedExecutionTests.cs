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

        for (var round = 0; round < 20; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => grain.WorkAsync())));
        }

        var report = await grain.ReportAsync();
        Assert.True(report.TimerTicks > 0, "the timer never ticked");
        Assert.Equal(1, report.MaxInside);
        Assert.Equal(1000 + report.TimerTicks, report.Turns);
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
