using System.Collections.Immutable;
using System.Threading.Channels;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Grains.Analysis;
using OrleansNetOps.Telemetry.Alerts;
using OrleansNetOps.Telemetry.Snmp;
using OrleansNetOps.Telemetry.Syslog;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>
/// The ingestion edge's way to the analysts: stores hand it what they stored, and it delivers it in order, batched per
/// router, to each router's <see cref="IRouterAnalystGrain"/>; traps and alerts that state a fault go as findings. It never makes a collector wait: past its capacity new
/// telemetry is counted as dropped for the analysts (the stores keep it all).
/// </summary>
internal sealed class AnalystFeed(IGrainFactory grains, ILogger<AnalystFeed> logger) : BackgroundService
{
    private const int Capacity = 200_000;
    private const int MaxBatch = 5_000;

    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private long _dropped;

    /// <summary>Items not delivered because the feed was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Offer(MetricSample sample) => Write(sample);

    public void Offer(StoredSyslogMessage message)
    {
        Write(message);
        if (SignalTranslation.Finding(message) is { } finding)
        {
            Write(finding);
        }
    }

    public void Offer(StoredTrap trap)
    {
        if (SignalTranslation.Finding(trap) is { } finding)
        {
            Write(finding);
        }
    }

    public void Offer(StoredAlert alert)
    {
        if (SignalTranslation.Finding(alert) is { } finding)
        {
            Write(finding);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<object>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await DeliverAsync(batch);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Telemetry for the analysts was lost ({Count} items)", batch.Count);
            }

            batch.Clear();
        }
    }

    private Task DeliverAsync(List<object> batch)
    {
        var metrics = batch.OfType<MetricSample>().GroupBy(s => s.Router, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<IRouterAnalystGrain>(g.Key).ObserveMetricsAsync([.. g.Select(s => new AnalystMetric(s.Path, s.Time, s.Value))]));
        var logs = batch.OfType<StoredSyslogMessage>().GroupBy(m => m.Router, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<IRouterAnalystGrain>(g.Key).ObserveLogsAsync([.. g.Select(m => new AnalystLogLine(m.Time, m.Message.Message))]));
        var signals = batch.OfType<Finding>().GroupBy(f => f.Router!, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<IRouterAnalystGrain>(g.Key).ReportAsync([.. g]));
        return Task.WhenAll(metrics.Concat(logs).Concat(signals));
    }

    private void Write(object item)
    {
        if (!_queue.Writer.TryWrite(item) && Interlocked.Increment(ref _dropped) % 10_000 == 1)
        {
            logger.LogWarning("The analysts' feed is full; {Dropped} telemetry items were not analysed so far", Dropped);
        }
    }
}
