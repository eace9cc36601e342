using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansNetOps.Runtime;

/// <summary>
/// Runs the grain runtime in this process: starts reminders, the idle collector and the response-timeout
/// watchdog; on stop deactivates every grain (so state written in <see cref="Grain.OnDeactivateAsync"/> is flushed).
/// </summary>
public sealed class Silo : IHostedService, IAsyncDisposable
{
    private readonly GrainRuntime _runtime;
    private readonly IServiceProvider _services;
    private CancellationTokenSource? _stopping;
    private Task? _housekeeping;
    private int _state;

    internal Silo(GrainRuntime runtime, IServiceProvider services)
    {
        _runtime = runtime;
        _services = services;
    }

    /// <summary>The grain factory.</summary>
    public IGrainFactory GrainFactory => _runtime;

    /// <summary>Whether the silo has started and not stopped.</summary>
    public bool IsRunning => Volatile.Read(ref _state) == 1;

    /// <summary>The runtime's counters now.</summary>
    public RuntimeMetricsSnapshot GetMetrics() => _runtime.Snapshot();

    /// <summary>Runs an idle-collection pass now; returns how many activations it deactivated.</summary>
    public int CollectIdleActivations() => _runtime.CollectIdleActivations();

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            return;
        }

        await _runtime.Reminders.StartAsync(cancellationToken).ConfigureAwait(false);
        _stopping = new CancellationTokenSource();
        _housekeeping = Task.WhenAll(
            RunPeriodicallyAsync(WatchdogPeriod(), _runtime.ExpireOverdueRequests, _stopping.Token),
            RunPeriodicallyAsync(_runtime.Options.CollectionQuantum, () => _runtime.CollectIdleActivations(), _stopping.Token));
        _runtime.Logger.LogInformation("Silo started: {GrainClasses} grain classes, response timeout {Timeout}",
            _runtime.Registry.Classes.Count, _runtime.Options.ResponseTimeout);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) != 1)
        {
            return;
        }

        var activations = _runtime.Catalog.Activations.ToList();
        _runtime.Logger.LogInformation("Silo stopping: deactivating {Count} activations", activations.Count);
        var all = Task.WhenAll(activations.Select(a => a.RequestDeactivation(DeactivationReason.ShuttingDown)));
        try
        {
            await all.WaitAsync(_runtime.Options.DeactivationTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _runtime.Logger.LogWarning("Silo stop: {Count} activations did not finish deactivating in time", _runtime.Catalog.Count);
        }

        foreach (var provider in _services.GetServices<MemoryStreamProviderRegistration>())
        {
            await provider.Provider.StopAsync().ConfigureAwait(false);
        }

        if (_stopping is not null)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _housekeeping!.ConfigureAwait(false);
            _stopping.Dispose();
        }

        await _runtime.Reminders.DisposeAsync().ConfigureAwait(false);
        _runtime.Logger.LogInformation("Silo stopped");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _runtime.Dispose();
    }

    private TimeSpan WatchdogPeriod()
    {
        var period = _runtime.Options.ResponseTimeout / 10;
        return period < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10)
            : period > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : period;
    }

    private async Task RunPeriodicallyAsync(TimeSpan period, Action pass, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(period, _runtime.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    pass();
                }
                catch (Exception exception)
                {
                    _runtime.Logger.LogError(exception, "Silo housekeeping pass failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
