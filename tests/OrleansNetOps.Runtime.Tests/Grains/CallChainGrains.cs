using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="other"/>, which calls back into this grain (A→B→A).</summary>
    Task<string> RoundTripAsync(string other, bool allowCallChainReentrancy);

    Task<string> CallBackAsync(string caller);

    Task<string> PingAsync();

    Task<string> WaitForReleaseAsync();

    [AlwaysInterleave]
    Task ReleaseAsync();

    Task<string> SlowAsync(TimeSpan delay);

    Task<int> FailAsync(string message, int code);

    Task<int> FailThroughAsync(string other, string message, int code);

    Task<bool> WaitForCancellationAsync(CancellationToken cancellationToken);
}

public sealed class ChainGrain : Grain, IChainGrain
{
    private TaskCompletionSource<string> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<string> RoundTripAsync(string other, bool allowCallChainReentrancy)
    {
        var target = GrainFactory.GetGrain<IChainGrain>(other);
        if (allowCallChainReentrancy)
        {
            using (RequestContext.AllowCallChainReentrancy())
            {
                return await target.CallBackAsync(this.GetPrimaryKeyString());
            }
        }

        return await target.CallBackAsync(this.GetPrimaryKeyString());
    }

    public async Task<string> CallBackAsync(string caller) =>
        $"{this.GetPrimaryKeyString()}->{await GrainFactory.GetGrain<IChainGrain>(caller).PingAsync()}";

    public Task<string> PingAsync() => Task.FromResult($"pong from {this.GetPrimaryKeyString()}");

    public Task<string> WaitForReleaseAsync() => _release.Task;

    public Task ReleaseAsync()
    {
        var release = _release;
        _release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        release.TrySetResult("released");
        return Task.CompletedTask;
    }

    public async Task<string> SlowAsync(TimeSpan delay)
    {
        await Task.Delay(delay);
        return "slow done";
    }

    public Task<int> FailAsync(string message, int code) => throw new RouteRejectedException(message, code);

    public Task<int> FailThroughAsync(string other, string message, int code) =>
        GrainFactory.GetGrain<IChainGrain>(other).FailAsync(message, code);

    public async Task<bool> WaitForCancellationAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}

public sealed class RouteRejectedException(string message, int code) : Exception(message)
{
    public int Code { get; } = code;
}
