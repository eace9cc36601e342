using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public sealed class CallSemanticsTests
{
    [Fact]
    public async Task Call_chain_reentrancy_lets_A_B_A_complete()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = silo.Grains.GetGrain<IChainGrain>("A");

        var result = await a.RoundTripAsync("B", allowCallChainReentrancy: true);

        Assert.Equal("B->pong from A", result);
    }

    [Fact]
    public async Task Non_reentrant_cycle_fails_with_the_timeout_exception_and_the_grains_keep_working()
    {
        await using var silo = await TestSilo.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMilliseconds(500));
        var a = silo.Grains.GetGrain<IChainGrain>("A");

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => a.RoundTripAsync("B", allowCallChainReentrancy: false));
        Assert.Contains("ChainGrain/A", error.Message, StringComparison.Ordinal);
        Assert.Contains("RoundTripAsync", error.Message, StringComparison.Ordinal);

        Assert.Equal("pong from A", await a.PingAsync());
        Assert.Equal("pong from B", await silo.Grains.GetGrain<IChainGrain>("B").PingAsync());
        Assert.True(silo.Silo.GetMetrics().CallTimeouts >= 1);
    }

    [Fact]
    public async Task Slow_call_times_out_clearly_and_the_grain_serves_the_next_call()
    {
        await using var silo = await TestSilo.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMilliseconds(300));
        var grain = silo.Grains.GetGrain<IChainGrain>("slow");

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => grain.SlowAsync(TimeSpan.FromMilliseconds(600)));
        Assert.Contains("SlowAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.3 s", error.Message, StringComparison.Ordinal);

        // The timed-out request still holds the non-reentrant grain until it finishes; then the grain serves again.
        await Task.Delay(500);

        Assert.Equal("slow done", await grain.SlowAsync(TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public async Task Always_interleave_method_runs_while_a_request_is_waiting()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IChainGrain>("gate");

        var waiting = grain.WaitForReleaseAsync();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        await grain.ReleaseAsync();

        Assert.Equal("released", await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Exceptions_cross_grain_calls_intact()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = silo.Grains.GetGrain<IChainGrain>("x");

        var direct = await Assert.ThrowsAsync<RouteRejectedException>(() => a.FailAsync("prefix 203.0.113.0/24 rejected", 42));
        Assert.Equal("prefix 203.0.113.0/24 rejected", direct.Message);
        Assert.Equal(42, direct.Code);

        var nested = await Assert.ThrowsAsync<RouteRejectedException>(() => a.FailThroughAsync("y", "through y", 7));
        Assert.Equal("through y", nested.Message);
        Assert.Equal(7, nested.Code);
        Assert.Contains(nameof(ChainGrain.FailAsync), nested.StackTrace, StringComparison.Ordinal);

        Assert.Equal("pong from x", await a.PingAsync());
    }

    [Fact]
    public async Task Cancellation_flows_into_the_grain_and_releases_the_caller()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IChainGrain>("cancel");
        using var cancellation = new CancellationTokenSource();

        var call = grain.WaitForCancellationAsync(cancellation.Token);
        await Task.Delay(50);
        Assert.False(call.IsCompleted);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("pong from cancel", await grain.PingAsync());
    }

    [Fact]
    public async Task A_call_with_an_already_cancelled_token_never_runs()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IChainGrain>("cancelled");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grain.WaitForCancellationAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task Grain_references_compare_by_identity()
    {
        await using var silo = await TestSilo.StartAsync();

        var one = silo.Grains.GetGrain<IChainGrain>("same");
        var two = silo.Grains.GetGrain<IChainGrain>("same");

        Assert.Equal(one, two);
        Assert.NotEqual(one, silo.Grains.GetGrain<IChainGrain>("other"));
        Assert.Equal("same", one.GetPrimaryKeyString());
        Assert.Equal(new GrainId("ChainGrain", "same"), one.GetGrainId());
    }
}
