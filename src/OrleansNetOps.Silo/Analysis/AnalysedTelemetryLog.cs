using OrleansNetOps.Telemetry.Storage;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>A telemetry log (the read model), with every stored entry also offered to the analysts.</summary>
internal sealed class AnalysedTelemetryLog<T>(ITelemetryLog<T> log, Action<T> offer) : ITelemetryLog<T>
{
    public void Add(T entry)
    {
        log.Add(entry);
        offer(entry);
    }

    public Task<IReadOnlyList<T>> QueryAsync(TimeRangeQuery query, CancellationToken cancellationToken = default) => log.QueryAsync(query, cancellationToken);
}
