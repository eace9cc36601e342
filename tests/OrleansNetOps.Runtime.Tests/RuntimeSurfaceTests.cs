using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public sealed class RuntimeSurfaceTests
{
    [Fact]
    public async Task A_grain_interface_with_a_synchronous_method_is_refused_at_GetGrain_with_the_method_named()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => silo.Grains.GetGrain<IBadSignatureGrain>("x"));

        Assert.Contains("NotAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("must return Task", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interface_without_a_grain_class_is_refused_clearly()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => silo.Grains.GetGrain<IUnimplementedGrain>("x"));

        Assert.Contains(nameof(IUnimplementedGrain), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grains_cannot_be_constructed_outside_the_runtime()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new BadSignatureGrain());

        Assert.Contains("GetGrain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_count_activations_calls_and_queue_depth()
    {
        await using var silo = await TestSilo.StartAsync();
        var before = silo.Silo.GetMetrics();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => silo.Grains.GetGrain<ITurnGrain>("m" + i).WorkAsync()));
        var gate = silo.Grains.GetGrain<IChainGrain>("queue");
        var blocked = gate.WaitForReleaseAsync();
        var queued = Enumerable.Range(0, 5).Select(_ => gate.PingAsync()).ToArray();
        await LifecycleAndStateTests.WaitUntil(() => silo.Silo.GetMetrics().QueuedRequests == 5);
        var during = silo.Silo.GetMetrics();
        await gate.ReleaseAsync();
        await Task.WhenAll(queued);
        await blocked;

        Assert.Equal(11, during.Activations);
        Assert.Equal(5, during.MaxQueueDepth);
        Assert.Equal(1, during.RunningRequests);
        Assert.True(silo.Silo.GetMetrics().CallsStarted - before.CallsStarted >= 17);
    }

    [Fact]
    public void Options_reject_non_positive_values_by_name()
    {
        var options = new GrainRuntimeOptions { ResponseTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Equal(nameof(GrainRuntimeOptions.ResponseTimeout), error.ParamName);
    }
}
