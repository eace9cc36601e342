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
