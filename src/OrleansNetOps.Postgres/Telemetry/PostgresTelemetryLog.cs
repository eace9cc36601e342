using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using OrleansNetOps.Telemetry.Storage;

namespace OrleansNetOps.Postgres.Telemetry;

/// <summary>
/// Events of one kind (SNMP traps in <c>netops_traps</c>, alerts in <c>netops_alerts</c>) shared by every silo of a
/// cluster: kept whole as jsonb with the columns queries filter on (time, router, source), written in batches with
/// binary COPY in the background, read newest first, pruned after <see cref="Retention"/>.
/// </summary>
/// <typeparam name="T">The stored event.</typeparam>
public sealed class PostgresTelemetryLog<T> : ITelemetryLog<T>, ITelemetryRetention, IAsyncDisposable
    where T : class
{
    private readonly PostgresDatabase _database;
    private readonly string _name;
    private readonly string _table;
    private readonly Func<T, (DateTimeOffset Time, string? Router, string Source)> _columns;
    private readonly PostgresBatchWriter<T> _writer;

    /// <summary>Creates the store over a table of the project's schema.</summary>
    /// <param name="database">The database.</param>
    /// <param name="table">Table name (columns: id, t, router, source, payload).</param>
    /// <param name="columns">The queried columns of an entry: its time, router and source.</param>
    /// <param name="retention">How long entries are kept.</param>
    /// <param name="logger">Where failed writes are logged.</param>
    public PostgresTelemetryLog(PostgresDatabase database, string table, Func<T, (DateTimeOffset, string?, string)> columns, TimeSpan retention, ILogger? logger = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        Retention = retention;
        _name = table;
        _table = $"{database.QuotedSchema}.{table}";
        _columns = columns;
        _writer = new PostgresBatchWriter<T>(table, WriteAsync, logger);
    }

    /// <summary>How long entries are kept.</summary>
    public TimeSpan Retention { get; }

    /// <summary>Entries dropped because the database could not keep up or failed.</summary>
    public long Dropped => _writer.Dropped;

    /// <inheritdoc />
    public string Name => _name;

    /// <inheritdoc />
    public void Add(T entry) => _writer.Add(entry ?? throw new ArgumentNullException(nameof(entry)));

    /// <inheritdoc />
    public async Task<IReadOnlyList<T>> QueryAsync(TimeRangeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            await using var command = _database.DataSource.CreateCommand($"""
                SELECT payload FROM {_table}
                WHERE ($1::text IS NULL OR router = $1) AND ($2::timestamptz IS NULL OR t >= $2) AND ($3::timestamptz IS NULL OR t <= $3)
                ORDER BY t DESC, id DESC LIMIT $4
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Router ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.From?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.To?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit });
            var entries = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                entries.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), TelemetryJson.Options)!);
            }

            return (IReadOnlyList<T>)entries;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        PostgresTelemetryTables.PruneAsync(_database, _name, "t", now - Retention, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task WriteAsync(IReadOnlyList<T> batch, CancellationToken cancellationToken)
    {
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var importer = await connection.BeginBinaryImportAsync($"COPY {_table} (t, router, source, payload) FROM STDIN (FORMAT BINARY)", ct)
                .ConfigureAwait(false);
            foreach (var entry in batch)
            {
                var (time, router, source) = _columns(entry);
                await importer.StartRowAsync(ct).ConfigureAwait(false);
                await importer.WriteAsync(time.UtcDateTime, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await PostgresTelemetryTables.WriteNullableAsync(importer, router, ct).ConfigureAwait(false);
                await importer.WriteAsync(source, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(JsonSerializer.Serialize(entry, TelemetryJson.Options), NpgsqlDbType.Jsonb, ct).ConfigureAwait(false);
            }

            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
