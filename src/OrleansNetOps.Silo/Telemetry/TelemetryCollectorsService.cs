using OrleansNetOps.Collectors.Flows;
using OrleansNetOps.Collectors.Snmp;
using OrleansNetOps.Collectors.Syslog;
using OrleansNetOps.Telemetry.Storage;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Silo.Telemetry;

/// <summary>
/// Starts and stops the syslog, flow and trap listeners with the host, and runs time-series retention once a
/// minute (raw points past retention become one-minute rollups; rollups past theirs are deleted).
/// </summary>
internal sealed class TelemetryCollectorsService(
    SyslogCollector syslog, FlowCollector flows, SnmpTrapCollector traps, ITimeSeriesStore series, IEnumerable<ITelemetryRetention> retained,
    TimeProvider time, ILogger<TelemetryCollectorsService> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _maintenance;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await syslog.StartAsync(cancellationToken).ConfigureAwait(false);
        await flows.StartAsync(cancellationToken).ConfigureAwait(false);
        await traps.StartAsync(cancellationToken).ConfigureAwait(false);
        _maintenance = MaintainAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_maintenance is not null)
        {
            await _maintenance.ConfigureAwait(false);
        }

        await syslog.DisposeAsync().ConfigureAwait(false);
        await flows.DisposeAsync().ConfigureAwait(false);
        await traps.DisposeAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task MaintainAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    var result = await series.MaintainAsync(time.GetUtcNow(), stopping).ConfigureAwait(false);
                    if (result.RawRolledUp > 0 || result.RollupsDeleted > 0)
                    {
                        logger.LogInformation("Time-series retention: {Rolled} raw points rolled up, {Deleted} rollups deleted", result.RawRolledUp, result.RollupsDeleted);
                    }

                    foreach (var store in retained)
                    {
                        if (await store.PruneAsync(time.GetUtcNow(), stopping).ConfigureAwait(false) is var pruned and > 0)
                        {
                            logger.LogInformation("Retention: {Count} {Store} past their retention deleted", pruned, store.Name);
                        }
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Storage may be away for a while; the next tick tries again.
                    logger.LogWarning(exception, "Retention failed; retrying in a minute");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
