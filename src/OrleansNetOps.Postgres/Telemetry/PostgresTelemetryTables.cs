using Npgsql;
using NpgsqlTypes;

namespace OrleansNetOps.Postgres.Telemetry;

/// <summary>What the telemetry read models share: pruning by age and nullable COPY columns.</summary>
internal static class PostgresTelemetryTables
{
    public static async Task<long> PruneAsync(PostgresDatabase database, string table, string timeColumn, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            await using var command = database.DataSource.CreateCommand($"DELETE FROM {database.QuotedSchema}.{table} WHERE {timeColumn} < $1");
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = cutoff.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            return (long)await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
