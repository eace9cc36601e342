using System.Text.Json;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Silo.Events;

/// <summary>
/// Publishes ingested metrics on the live feed: the newest point of each series in a batch (the later one of equal times), as <c>metric</c> events
/// <c>{ router, path, t, v }</c>, so charts move without polling. Raw history stays in <c>/api/v1/metrics/series</c>.
/// </summary>
public static class MetricEvents
{
    /// <summary>More series than this in one batch is a bulk load, not something to watch live: the rest are skipped.</summary>
    public const int MaxSeriesPerBatch = 500;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Publishes the newest point of each series of <paramref name="samples"/>. The batch is already stored, and the store is
    /// what the series API reads: an event that cannot be published (a silo still starting its stream provider) is logged,
    /// never turned into a failed ingest that a client would send again.
    /// </summary>
    /// <param name="client">The cluster client.</param>
    /// <param name="samples">An accepted, stored batch.</param>
    /// <param name="logger">Where an event that could not be published is reported.</param>
    /// <param name="domain">The events domain.</param>
    public static async Task PublishAsync(IClusterClient client, IReadOnlyList<MetricSample> samples, ILogger logger, string domain = NetOpsStreams.DefaultDomain)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(logger);
        if (samples.Count == 0)
        {
            return;
        }

        var newest = samples.GroupBy(s => s.Series).Take(MaxSeriesPerBatch).Select(g => g.Aggregate((newest, next) => next.Time >= newest.Time ? next : newest))
            .Select(s => new NetOpsEvent("metric", $"{s.Router}|{s.Path}", s.Time,
                JsonSerializer.Serialize(new { router = s.Router, path = s.Path, t = s.Time, v = s.Value }, s_json)))
            .ToList();
        try
        {
            var stream = client.GetStreamProvider(NetOpsStreams.Provider).GetStream<NetOpsEvent>(NetOpsStreams.Events(domain));
            foreach (var item in newest)
            {
                await stream.OnNextAsync(item).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "{Count} metric event(s) were not published on the live feed; the batch is stored", newest.Count);
        }
    }
}
