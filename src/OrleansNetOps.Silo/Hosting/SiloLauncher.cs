using OrleansNetOps.Silo.Health;
using RuntimeSilo = OrleansNetOps.Runtime.Silo;

namespace OrleansNetOps.Silo.Hosting;

/// <summary>
/// Starts the runtime's <see cref="RuntimeSilo"/> once storage answers, and stops it after Kestrel has drained.
/// The silo loads reminders from storage when it starts; started against an unreachable database it would fail the
/// whole host. Waiting here instead keeps the process up (live, not ready) until the database comes back.
/// </summary>
internal sealed class SiloLauncher(
    RuntimeSilo silo,
    IStorageReadinessCheck storage,
    IHostApplicationLifetime lifetime,
    ILogger<SiloLauncher> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retries = Task.CompletedTask;
    private volatile SiloLaunchState _state = SiloLaunchState.NotStarted;
    private volatile string _problem = "the silo has not started";

    public SiloLaunchState State => _state;

    public ReadinessCheckResult Describe()
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return new ReadinessCheckResult("silo", false, "the service is shutting down");
        }

        return _state == SiloLaunchState.Running && silo.IsRunning
            ? new ReadinessCheckResult("silo", true, "running")
            : new ReadinessCheckResult("silo", false, _problem);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The common case (memory, or a database that is up) starts inline so the host is ready when StartAsync returns.
        if (!await TryLaunchAsync(cancellationToken).ConfigureAwait(false))
        {
            _retries = Task.Run(() => RetryAsync(_stopping.Token), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _retries.ConfigureAwait(false);
        if (_state == SiloLaunchState.Running)
        {
            _state = SiloLaunchState.Stopping;
            _problem = "the silo is stopping";
            await silo.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        _state = SiloLaunchState.Stopped;
        _problem = "the silo has stopped";
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task RetryAsync(CancellationToken stopping)
    {
        var delay = FirstRetryDelay;
        try
        {
            while (true)
            {
                await Task.Delay(delay, stopping).ConfigureAwait(false);
                if (await TryLaunchAsync(stopping).ConfigureAwait(false))
                {
                    return;
                }

                delay = delay * 2 > MaxRetryDelay ? MaxRetryDelay : delay * 2;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shut down before storage came back.
        }
    }

    /// <returns>False when storage is not reachable yet (try again later); true when the launch is settled.</returns>
    private async Task<bool> TryLaunchAsync(CancellationToken cancellationToken)
    {
        var storageResult = await storage.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (!storageResult.Ready)
        {
            if (_state != SiloLaunchState.WaitingForStorage)
            {
                logger.LogWarning("Storage is not reachable ({Reason}); the silo starts when it is", storageResult.Detail);
            }

            _state = SiloLaunchState.WaitingForStorage;
            _problem = $"waiting for storage: {storageResult.Detail}";
            return false;
        }

        try
        {
            await silo.StartAsync(cancellationToken).ConfigureAwait(false);
            _state = SiloLaunchState.Running;
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The runtime's silo cannot be started a second time, so this is final until the process restarts.
            logger.LogCritical(exception, "The silo failed to start; the service stays up but is not ready. Restart it once the cause is fixed");
            _state = SiloLaunchState.Failed;
            _problem = $"the silo failed to start: {exception.Message}";
            return true;
        }
    }
}
