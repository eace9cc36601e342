using OrleansNetOps.Postgres;

namespace OrleansNetOps.Silo.Hosting;

/// <summary>
/// Starts the Orleans silo only once PostgreSQL answers and its schema is migrated, without holding up the rest of the
/// host: until then the process is live (HTTP, health) but not ready, and the silo joins by itself when the database
/// returns. It stands in for Orleans' own hosted service, which it starts and stops.
/// </summary>
internal sealed partial class StorageFirstSiloStart(
    IHostedService silo,
    PostgresDatabase database,
    SiloStartProgress progress,
    IHostApplicationLifetime lifetime,
    ILogger<StorageFirstSiloStart> logger) : IHostedService, IDisposable
{
    private const string OrleansSiloService = "Orleans.Hosting.SiloHostedService";
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan s_longestRetry = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;
    private volatile bool _siloStarting;
    private volatile bool _siloStarted;

    /// <summary>Puts this service in the place of Orleans' silo service, keeping its position among the hosted services.</summary>
    /// <exception cref="InvalidOperationException">Orleans' silo service is not registered (an Orleans upgrade renamed it).</exception>
    public static void Install(IServiceCollection services)
    {
        var descriptor = services.SingleOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == OrleansSiloService)
            ?? throw new InvalidOperationException($"{OrleansSiloService} is not registered: the silo cannot be made to wait for PostgreSQL");
        var siloType = descriptor.ImplementationType!;
        services[services.IndexOf(descriptor)] = ServiceDescriptor.Singleton<IHostedService>(sp => new StorageFirstSiloStart(
            (IHostedService)ActivatorUtilities.CreateInstance(sp, siloType),
            sp.GetRequiredService<PostgresDatabase>(),
            sp.GetRequiredService<SiloStartProgress>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<StorageFirstSiloStart>>()));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        progress.WaitingFor("waiting for PostgreSQL before joining the cluster");
        _run = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _run.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or OrleansLifecycleCanceledException)
        {
            // The start was abandoned (Orleans reports a start cancelled mid-lifecycle as its own exception); the silo is
            // stopped below if it had begun.
        }

        if (_siloStarted)
        {
            await silo.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (_siloStarting)
        {
            try
            {
                await silo.StopAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException exception)
            {
                // Stopped while still joining: Orleans refuses to stop a silo that never reached Running; its start was cancelled above.
                LogStoppedWhileStarting(exception.Message);
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(CancellationToken stopping)
    {
        var delay = s_firstRetry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await database.EnsureSchemaAsync(stopping).ConfigureAwait(false);
                break;
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                var reason = PostgresRetriesExhaustedException.Describe(exception);
                progress.WaitingFor($"waiting for PostgreSQL before joining the cluster: {reason}");
                if (attempt == 1 || attempt % 10 == 0)
                {
                    LogWaiting(attempt, reason);
                }

                await Task.Delay(delay, stopping).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_longestRetry.Ticks));
            }
        }

        progress.Proceeding();
        _siloStarting = true;
        try
        {
            await silo.StartAsync(stopping).ConfigureAwait(false);
            _siloStarted = true;
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            // A silo that failed to join cannot try again in this process: stop, and let the supervisor restart it.
            LogStartFailed(exception);
            progress.WaitingFor($"the silo failed to join the cluster: {exception.Message}");
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is not available (attempt {Attempt}): {Reason}; the silo joins the cluster when it is")]
    private partial void LogWaiting(int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped while the silo was still joining the cluster: {Reason}")]
    private partial void LogStoppedWhileStarting(string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The silo failed to join the cluster; the service stops")]
    private partial void LogStartFailed(Exception exception);
}
