using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Postgres.TimeSeries;

/// <summary>
/// Series in PostgreSQL. Points are ingested with binary COPY (one COPY per batch, in the same transaction as the
/// series upsert, so a batch lands whole or not at all); <c>netops_ts_points</c> is indexed by (series, time),
/// with a BRIN index on time for retention. <see cref="MaintainAsync"/> folds raw points older than the raw
/// retention into <c>netops_ts_rollups_1m</c> and deletes rollups past theirs. Its tables are part of the
/// project's schema (<see cref="PostgresMigrations"/>), migrated under an advisory lock before the first statement.
/// </summary>
public sealed class PostgresTimeSeriesStore : ITimeSeriesStore, IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly TimeSeriesRetention _retention;
    private readonly string _s;
    private readonly ConcurrentDictionary<SeriesKey, long> _ids = new();

    /// <summary>Creates the store over a database (its pool, retry policy and schema).</summary>
    public PostgresTimeSeriesStore(PostgresDatabase database, TimeSeriesRetention? retention = null, bool ownsDatabase = false)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _ownsDatabase = ownsDatabase;
        _retention = retention ?? new TimeSeriesRetention();
        _s = database.QuotedSchema;
    }

    /// <summary>Creates the tables if missing; called before the first statement anyway.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => _database.EnsureSchemaAsync(cancellationToken);

    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return;
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var learned = await _database.RetryPolicy.ExecuteAsync((_, ct) => AppendOnceAsync(samples, ct), cancellationToken).ConfigureAwait(false);
        // Only after commit: an id from a rolled-back upsert would not exist.
        foreach (var (key, id) in learned)
        {
            _ids[key] = id;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MetricPoint>> QueryAsync(SeriesKey series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            var points = new List<MetricPoint>();
            await using var command = _database.DataSource.CreateCommand($"""
                SELECT p.t, p.v FROM {_s}.netops_ts_points p JOIN {_s}.netops_ts_series s ON s.id = p.series_id
                WHERE s.router = $1 AND s.path = $2 AND p.t >= $3 AND p.t <= $4 ORDER BY p.t, p.seq
                """);
            AddKeyAndRange(command, series, from, to);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                points.Add(new MetricPoint(new DateTimeOffset(reader.GetFieldValue<DateTime>(0)), reader.GetDouble(1)));
            }

            return (IReadOnlyList<MetricPoint>)points;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MetricRollup>> QueryMinutesAsync(SeriesKey series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var fromMinute = MinuteRollups.MinuteOf(from);
        return await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            var rollups = new List<MetricRollup>();
            await using var command = _database.DataSource.CreateCommand($"""
                SELECT r.minute, r.avg, r.min, r.max, r.count FROM {_s}.netops_ts_rollups_1m r JOIN {_s}.netops_ts_series s ON s.id = r.series_id
                WHERE s.router = $1 AND s.path = $2 AND r.minute >= $5 AND r.minute <= $4
                UNION ALL
                SELECT date_trunc('minute', p.t, 'UTC'), avg(p.v), min(p.v), max(p.v), count(*) FROM {_s}.netops_ts_points p JOIN {_s}.netops_ts_series s ON s.id = p.series_id
                WHERE s.router = $1 AND s.path = $2 AND p.t >= $3 AND p.t <= $4 GROUP BY 1
                """);
            AddKeyAndRange(command, series, from, to);
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = fromMinute.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rollups.Add(new MetricRollup(new DateTimeOffset(reader.GetFieldValue<DateTime>(0)), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt64(4)));
            }

            return MinuteRollups.Merge(rollups);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SeriesKey>> ListSeriesAsync(string router, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            var keys = new List<SeriesKey>();
            await using var command = _database.DataSource.CreateCommand($"SELECT path FROM {_s}.netops_ts_series WHERE router = $1 ORDER BY path COLLATE \"C\"");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = router });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                keys.Add(new SeriesKey(router, reader.GetString(0)));
            }

            return (IReadOnlyList<SeriesKey>)keys;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TimeSeriesMaintenanceResult> MaintainAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var rawCutoff = _retention.RawCutoff(now).UtcDateTime;
        var rollupCutoff = _retention.RollupCutoff(now).UtcDateTime;
        return await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            // Delete and roll up in one statement, so a point is either still raw or counted in a rollup, never both or neither.
            long rolled;
            await using (var command = new NpgsqlCommand($"""
                WITH moved AS (
                    DELETE FROM {_s}.netops_ts_points WHERE t < $1 RETURNING series_id, t, v
                ), folded AS (
                    INSERT INTO {_s}.netops_ts_rollups_1m AS r (series_id, minute, avg, min, max, count)
                    SELECT series_id, date_trunc('minute', t, 'UTC'), avg(v), min(v), max(v), count(*) FROM moved GROUP BY 1, 2
                    ON CONFLICT (series_id, minute) DO UPDATE SET
                        avg = (r.avg * r.count + EXCLUDED.avg * EXCLUDED.count) / (r.count + EXCLUDED.count),
                        min = LEAST(r.min, EXCLUDED.min), max = GREATEST(r.max, EXCLUDED.max), count = r.count + EXCLUDED.count
                    RETURNING 1
                )
                SELECT count(*) FROM moved
                """, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = rawCutoff, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                rolled = (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            }

            long deleted;
            await using (var command = new NpgsqlCommand($"DELETE FROM {_s}.netops_ts_rollups_1m WHERE minute < $1", connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = rollupCutoff, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                deleted = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return new TimeSeriesMaintenanceResult(rolled, deleted);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsDatabase)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void AddKeyAndRange(NpgsqlCommand command, SeriesKey series, DateTimeOffset from, DateTimeOffset to)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = series.Router });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = series.Path });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = Clamp(from), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = Clamp(to), NpgsqlDbType = NpgsqlDbType.TimestampTz });
    }

    // timestamptz cannot hold DateTimeOffset.MinValue/MaxValue's extremes the way .NET writes them; open ranges are clamped.
    private static DateTime Clamp(DateTimeOffset time) =>
        time <= DateTimeOffset.MinValue.AddYears(1) ? DateTime.SpecifyKind(new DateTime(1, 1, 2), DateTimeKind.Utc)
        : time >= DateTimeOffset.MaxValue.AddYears(-1) ? DateTime.SpecifyKind(new DateTime(9999, 1, 1), DateTimeKind.Utc)
        : time.UtcDateTime;

    private async Task<List<(SeriesKey Key, long Id)>> AppendOnceAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ids = new Dictionary<SeriesKey, long>();
        var upsert = new Dictionary<SeriesKey, string>();
        foreach (var sample in samples)
        {
            var key = sample.Series;
            if (sample.Tags is { Count: > 0 } tags)
            {
                upsert[key] = JsonSerializer.Serialize(tags);
            }
            else if (!upsert.ContainsKey(key) && !ids.ContainsKey(key))
            {
                if (_ids.TryGetValue(key, out var known))
                {
                    ids[key] = known;
                }
                else
                {
                    upsert[key] = "{}";
                }
            }
        }

        var learned = new List<(SeriesKey, long)>();
        if (upsert.Count > 0)
        {
            await using var command = new NpgsqlCommand($"""
                INSERT INTO {_s}.netops_ts_series AS s (router, path, tags)
                SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])
                ON CONFLICT (router, path) DO UPDATE SET tags = CASE WHEN EXCLUDED.tags = jsonb_build_object() THEN s.tags ELSE EXCLUDED.tags END
                RETURNING id, router, path
                """, connection, transaction);
            var keys = upsert.Keys.ToArray();
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys.Select(k => k.Router).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys.Select(k => k.Path).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys.Select(k => upsert[k]).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = new SeriesKey(reader.GetString(1), reader.GetString(2));
                ids[key] = reader.GetInt64(0);
                learned.Add((key, reader.GetInt64(0)));
            }
        }

        var importer = await connection.BeginBinaryImportAsync(
            $"COPY {_s}.netops_ts_points (series_id, t, v) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var sample in samples)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(ids[sample.Series], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(sample.Time.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(sample.Value, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return learned;
    }
}
