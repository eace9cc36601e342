using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using OrleansNetOps.Telemetry.Storage;
using OrleansNetOps.Telemetry.Syslog;

namespace OrleansNetOps.Postgres.Telemetry;

/// <summary>
/// Syslog messages in <c>netops_logs</c>, shared by every silo of a cluster: whichever silo a router's syslog reaches,
/// every silo's API reads it. Written in batches with binary COPY in the background; kept for <see cref="Retention"/>.
/// </summary>
public sealed class PostgresSyslogStore : ISyslogStore, ITelemetryRetention, IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly PostgresBatchWriter<StoredSyslogMessage> _writer;
    private readonly string _s;

    /// <summary>Creates the store over a database (its pool, retry policy and schema).</summary>
    public PostgresSyslogStore(PostgresDatabase database, TimeSpan? retention = null, ILogger<PostgresSyslogStore>? logger = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _s = database.QuotedSchema;
        Retention = retention ?? TimeSpan.FromDays(7);
        _writer = new PostgresBatchWriter<StoredSyslogMessage>("syslog messages", WriteAsync, logger);
    }

    /// <summary>How long messages are kept.</summary>
    public TimeSpan Retention { get; }

    /// <summary>Messages dropped because the database could not keep up or failed.</summary>
    public long Dropped => _writer.Dropped;

    /// <inheritdoc />
    public string Name => "logs";

    /// <inheritdoc />
    public void Add(StoredSyslogMessage message) => _writer.Add(message ?? throw new ArgumentNullException(nameof(message)));

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredSyslogMessage>> QueryAsync(SyslogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            // Lower numbers are more severe (emergency is 0). The text filter matches message, app name or host.
            await using var command = _database.DataSource.CreateCommand($"""
                SELECT t, received_at, router, source, transport, payload FROM {_s}.netops_logs
                WHERE ($1::text IS NULL OR router = $1) AND ($2::timestamptz IS NULL OR t >= $2) AND ($3::timestamptz IS NULL OR t <= $3)
                  AND ($4::smallint IS NULL OR severity <= $4)
                  AND ($5::text IS NULL OR strpos(lower(message), $5) > 0 OR strpos(lower(coalesce(app_name, '')), $5) > 0
                       OR strpos(lower(coalesce(host, '')), $5) > 0)
                ORDER BY t DESC, id DESC LIMIT $6
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Router ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.From?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.To?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = query.Severity is { } severity ? (short)severity : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Smallint });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Text?.ToLowerInvariant() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit });
            var messages = new List<StoredSyslogMessage>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                messages.Add(new StoredSyslogMessage(
                    new DateTimeOffset(reader.GetFieldValue<DateTime>(0)), new DateTimeOffset(reader.GetFieldValue<DateTime>(1)),
                    reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    JsonSerializer.Deserialize<SyslogMessage>(reader.GetString(5), TelemetryJson.Options)!));
            }

            return (IReadOnlyList<StoredSyslogMessage>)messages;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        PostgresTelemetryTables.PruneAsync(_database, "netops_logs", "t", now - Retention, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task WriteAsync(IReadOnlyList<StoredSyslogMessage> batch, CancellationToken cancellationToken)
    {
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY {_s}.netops_logs (t, received_at, router, source, transport, severity, host, app_name, message, payload) FROM STDIN (FORMAT BINARY)", ct)
                .ConfigureAwait(false);
            foreach (var entry in batch)
            {
                var message = entry.Message;
                await importer.StartRowAsync(ct).ConfigureAwait(false);
                await importer.WriteAsync(entry.Time.UtcDateTime, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await importer.WriteAsync(entry.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await importer.WriteAsync(entry.Router, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(entry.Source, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(entry.Transport, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync((short)message.Severity, NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
                await PostgresTelemetryTables.WriteNullableAsync(importer, message.Hostname, ct).ConfigureAwait(false);
                await PostgresTelemetryTables.WriteNullableAsync(importer, message.AppName, ct).ConfigureAwait(false);
                await importer.WriteAsync(message.Message, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(JsonSerializer.Serialize(message, TelemetryJson.Options), NpgsqlDbType.Jsonb, ct).ConfigureAwait(false);
            }

            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
