using System.Threading.Channels;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>
/// Flow records become per-router volume series (<see cref="FlowVolumeMeter"/>: bytes and packets per second, bytes per
/// second per exporter interface, one point a minute), written to the time-series store like any other series — so the
/// analysts baseline and score them (the store hands them on) and <c>/metrics/series</c> shows them. Counting a flow is
/// a few additions under a lock; the points of a closed interval are written from the background, so a collector never
/// waits, and a timer closes the intervals of routers that went quiet.
/// </summary>
internal sealed class FlowVolumeFeed(ITimeSeriesStore series, TimeProvider time, ILogger<FlowVolumeFeed> logger) : BackgroundService
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(5);
    private readonly FlowVolumeMeter _meter = new();
    private readonly Channel<IReadOnlyList<MetricSample>> _closed = Channel.CreateBounded<IReadOnlyList<MetricSample>>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    public void Offer(string router, FlowRecord flow, DateTimeOffset receivedAt) => Write(_meter.Add(router, flow, receivedAt));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery, time);
        var flushing = FlushAsync(timer, stoppingToken);
        await foreach (var samples in _closed.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await series.AppendAsync(samples, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Flow volumes were not stored ({Count} points)", samples.Count);
            }
        }

        await flushing;
    }

    private async Task FlushAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Write(_meter.Flush(time.GetUtcNow()));
        }
    }

    private void Write(IReadOnlyList<MetricSample> samples)
    {
        if (samples.Count > 0 && !_closed.Writer.TryWrite(samples))
        {
            logger.LogWarning("Flow volumes were dropped: the time-series store is not keeping up ({Count} points)", samples.Count);
        }
    }
}
