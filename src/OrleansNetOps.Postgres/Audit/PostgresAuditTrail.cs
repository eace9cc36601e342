using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using OrleansNetOps.Governance.Audit;

namespace OrleansNetOps.Postgres.Audit;

/// <summary>
/// The audit chain in <c>netops_audit</c>, shared by every silo. A trigger refuses UPDATE, DELETE and TRUNCATE; what
/// gets past it (a superuser who disables it) the hash chain shows on verification. Appends take a transaction-scoped
/// advisory lock so that two silos never link to the same head.
/// </summary>
public sealed class PostgresAuditTrail : IAuditTrail
{
    // Any fixed number: the lock only has to be the same for every writer of the chain.
    private const long AppendLock = 0x6E65_746F_7073_01;
    private readonly PostgresDatabase _database;
    private readonly string _s;

    /// <summary>Creates the trail over a database.</summary>
    public PostgresAuditTrail(PostgresDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _s = database.QuotedSchema;
    }

    /// <inheritdoc />
    public async Task<AuditEntry> AppendAsync(AuditRecord record, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
            {
                lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AppendLock });
                await lockCommand.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            var head = AuditHead.Genesis;
            await using (var headCommand = new NpgsqlCommand($"SELECT seq, hash FROM {_s}.netops_audit ORDER BY seq DESC LIMIT 1", connection, transaction))
            await using (var reader = await headCommand.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    head = new AuditHead(reader.GetInt64(0), reader.GetString(1));
                }
            }

            var entry = AuditChain.Append(head, record, at);
            await using (var insert = new NpgsqlCommand($"""
                INSERT INTO {_s}.netops_audit (seq, at, actor, kind, action_id, decision, detail, hash, prev_hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)
                """, connection, transaction))
            {
                insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Seq });
                insert.Parameters.Add(new NpgsqlParameter { Value = entry.At.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Actor });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Kind });
                insert.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.ActionId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Decision });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Detail });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Hash });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.PrevHash });
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return entry;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            await using var command = _database.DataSource.CreateCommand($"""
                SELECT * FROM (
                  SELECT seq, at, actor, kind, action_id, decision, detail::text, hash, prev_hash FROM {_s}.netops_audit
                  WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at <= $2) AND ($3::text IS NULL OR action_id = $3)
                  ORDER BY seq DESC LIMIT $4) newest
                ORDER BY seq
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.From?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.To?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.ActionId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Max(0, query.Limit) });
            var result = new List<AuditEntry>();
            await foreach (var entry in ReadAsync(command, ct).ConfigureAwait(false))
            {
                result.Add(entry);
            }

            return (IReadOnlyList<AuditEntry>)result;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            await using var command = _database.DataSource.CreateCommand(
                $"SELECT seq, at, actor, kind, action_id, decision, detail::text, hash, prev_hash FROM {_s}.netops_audit ORDER BY seq");
            var entries = new List<AuditEntry>();
            await foreach (var entry in ReadAsync(command, ct).ConfigureAwait(false))
            {
                entries.Add(entry);
            }

            return AuditChain.Verify(entries);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<AuditEntry> ReadAsync(NpgsqlCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AuditEntry(reader.GetInt64(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8));
        }
    }
}
