using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.Storage;

namespace OrleansNetOps.Postgres.Telemetry;

/// <summary>
/// Flow volumes in <c>netops_flow_volumes</c>, shared by every silo of a cluster. Each silo aggregates the flows it
/// receives into one-minute windows (as the embedded store does) and adds what grew since its last write into the table
/// (summed with what other silos wrote for the same router, window and key): every few seconds, when a window closes,
/// and before each of its own queries. Queries read the table only, so every silo gives the same answer, another
/// silo's traffic at most a few seconds late.
/// </summary>
public sealed class PostgresFlowStore : IFlowStore, ITelemetryRetention, IAsyncDisposable
{
    private static readonly TimeSpan s_syncEvery = TimeSpan.FromSeconds(5);
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private readonly FlowWindows _windows;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Router, DateTimeOffset Window, FlowVolumeKind Kind, string Key), FlowVolume> _written = [];
    private readonly PostgresBatchWriter<(string Router, FlowVolume Volume)> _writer;
    private readonly ITimer _closer;
    private readonly string _s;

    /// <summary>Creates the store over a database.</summary>
    public PostgresFlowStore(PostgresDatabase database, TimeProvider time, FlowAggregatorOptions? options = null, TimeSpan? retention = null,
        ILogger<PostgresFlowStore>? logger = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _s = database.QuotedSchema;
        _windows = new FlowWindows(options);
        Retention = retention ?? TimeSpan.FromDays(30);
        _writer = new PostgresBatchWriter<(string, FlowVolume)>("flow volumes", WriteAsync, logger);
        _closer = time.CreateTimer(_ => Sync(), null, s_syncEvery, s_syncEvery);
    }

    /// <summary>How long volumes are kept.</summary>
    public TimeSpan Retention { get; }

    /// <summary>Volumes dropped because the database could not keep up or failed.</summary>
    public long Dropped => _writer.Dropped;

    /// <inheritdoc />
    public string Name => "flow volumes";

    /// <inheritdoc />
    public void Add(string router, FlowRecord flow, DateTimeOffset receivedAt)
    {
        var closed = _windows.Add(router, flow, receivedAt);
        if (closed.Count > 0)
        {
            Queue(closed.Select(v => (router, v)), closing: true);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FlowTopEntry>> TopAsync(string? router, FlowTopKey by, DateTimeOffset? from, DateTimeOffset? to, int limit,
        CancellationToken cancellationToken = default)
    {
        var kind = FlowWindows.KindOf(by);
        Sync();
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var stored = await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            await using var command = _database.DataSource.CreateCommand($"""
                SELECT key, sum(bytes), sum(packets), sum(flows) FROM {_s}.netops_flow_volumes
                WHERE kind = $1 AND ($2::text IS NULL OR router = $2) AND ($3::timestamptz IS NULL OR window_start >= $3)
                  AND ($4::timestamptz IS NULL OR window_start <= $4)
                GROUP BY key
                """);
            command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)kind });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)router ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            // A window that began up to a minute before 'from' overlaps it (see FlowWindows.Within).
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)from?.AddMinutes(-1).UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)to?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            var volumes = new List<FlowVolume>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                volumes.Add(new FlowVolume(default, kind, reader.GetString(0), (ulong)reader.GetDecimal(1), (ulong)reader.GetDecimal(2), (long)reader.GetDecimal(3)));
            }

            return volumes;
        }, cancellationToken).ConfigureAwait(false);
        return FlowWindows.Rank(stored, limit);
    }

    /// <inheritdoc />
    public Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        PostgresTelemetryTables.PruneAsync(_database, "netops_flow_volumes", "window_start", now - Retention, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _closer.DisposeAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    // Writes what every window gained since it was last written; closed windows are written one last time and forgotten.
    private void Sync()
    {
        Queue(_windows.Flush(_time.GetUtcNow()), closing: true);
        Queue(_windows.OpenByRouter(), closing: false);
    }

    private void Queue(IEnumerable<(string Router, FlowVolume Volume)> volumes, bool closing)
    {
        lock (_gate)
        {
            foreach (var (router, volume) in volumes)
            {
                var key = (router, volume.WindowStart, volume.Kind, volume.Key);
                var before = _written.GetValueOrDefault(key);
                var delta = before is null ? volume
                    : volume with { Bytes = volume.Bytes - before.Bytes, Packets = volume.Packets - before.Packets, Flows = volume.Flows - before.Flows };
                if (closing)
                {
                    _written.Remove(key);
                }
                else
                {
                    _written[key] = volume;
                }

                if (delta.Bytes > 0 || delta.Packets > 0 || delta.Flows > 0)
                {
                    _writer.Add((router, delta));
                }
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<(string Router, FlowVolume Volume)> batch, CancellationToken cancellationToken)
    {
        // One row per (router, window, kind, key): an upsert may not touch a row twice, so sum within the batch first.
        var rows = batch.GroupBy(e => (e.Router, e.Volume.WindowStart, e.Volume.Kind, e.Volume.Key))
            .Select(g => (g.Key, Bytes: g.Sum(e => (decimal)e.Volume.Bytes), Packets: g.Sum(e => (decimal)e.Volume.Packets), Flows: g.Sum(e => e.Volume.Flows)))
            .ToList();
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            await using var command = _database.DataSource.CreateCommand($"""
                INSERT INTO {_s}.netops_flow_volumes AS v (router, window_start, kind, key, bytes, packets, flows)
                SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::smallint[], $4::text[], $5::numeric[], $6::numeric[], $7::bigint[])
                ON CONFLICT (router, window_start, kind, key) DO UPDATE
                SET bytes = v.bytes + excluded.bytes, packets = v.packets + excluded.packets, flows = v.flows + excluded.flows
                """);
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Key.Router)] });
            command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. rows.Select(r => r.Key.WindowStart.UtcDateTime)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = [.. rows.Select(r => (short)r.Key.Kind)] });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Key.Key)] });
            command.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = [.. rows.Select(r => r.Bytes)] });
            command.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = [.. rows.Select(r => r.Packets)] });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. rows.Select(r => r.Flows)] });
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
