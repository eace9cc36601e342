using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>A request that holds the grain across awaits: non-reentrant, so no other request may be inside meanwhile.</summary>
    Task<int> WorkAsync();

    Task StartTimerAsync(TimeSpan period);

    Task<(int MaxInside, int Turns, int Interleavings, int ActivationCount, int TimerTicks)> ReportAsync();
}

public sealed class TurnGrain : Grain, ITurnGrain
{
    private static int s_activations;
    private readonly ConcurrencyProbe _probe = new();
    private int _timerTicks;
    private int _counter;

    public static int Activations => Volatile.Read(ref s_activations);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref s_activations);
        return Task.CompletedTask;
    }

    public async Task<int> WorkAsync()
    {
        // The whole request is one critical section for a non-reentrant grain, awaits included.
        _probe.Enter();
        try
        {
            var before = _counter;
            await Task.Yield();
            await Task.Delay(0);
            await Task.Run(() => Thread.SpinWait(50));
            _counter = before + 1;
            return _counter;
        }
        finally
        {
            _probe.Leave();
        }
    }

    public Task StartTimerAsync(TimeSpan period)
    {
        RegisterGrainTimer(async _ =>
        {
            _probe.Enter();
            try
            {
                Interlocked.Increment(ref _timerTicks);
                await Task.Yield();
                _counter++;
            }
            finally
            {
                _probe.Leave();
            }
        }, TimeSpan.Zero, period);
        return Task.CompletedTask;
    }

    public Task<(int MaxInside, int Turns, int Interleavings, int ActivationCount, int TimerTicks)> ReportAsync() =>
        Task.FromResult((_probe.MaxInside, _counter, 0, Activations, _timerTicks));
}

public interface IReentrantTurnGrain : IGrainWithStringKey
{
    Task WorkAsync();

    Task<(int MaxInsideTurn, int MaxRequestsInFlight)> ReportAsync();
}

/// <summary>Reentrant: requests interleave at awaits, but turns must still never overlap.</summary>
[Reentrant]
public sealed class ReentrantTurnGrain : Grain, IReentrantTurnGrain
{
    private readonly ConcurrencyProbe _turns = new();
    private readonly ConcurrencyProbe _requests = new();

    public async Task WorkAsync()
    {
        _requests.Enter();
        _turns.Turn();
        await Task.Delay(1);
        _turns.Turn();
        await Task.Yield();
        _turns.Turn();
        _requests.Leave();
    }

    public Task<(int MaxInsideTurn, int MaxRequestsInFlight)> ReportAsync() => Task.FromResult((_turns.MaxInside, _requests.MaxInside));
}
