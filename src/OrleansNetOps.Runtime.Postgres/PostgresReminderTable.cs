using Npgsql;

namespace OrleansNetOps.Runtime.Postgres;

/// <summary>
/// Reminders in PostgreSQL (<c>netops_reminders</c>, one row per grain and reminder name), so they outlive the silo.
/// <see cref="ReminderEntry.StartAt"/> is stored as <c>timestamptz</c> and <see cref="ReminderEntry.Period"/> as
/// <c>interval</c>; both keep microseconds, finer ticks are dropped.
/// </summary>
public sealed class PostgresReminderTable : IReminderTable
{
    private const string Columns = "grain_type, grain_key, name, start_at, period, etag";

    private readonly PostgresDatabase _database;
    private readonly string _selectAllSql;
    private readonly string _selectGrainSql;
    private readonly string _selectOneSql;
    private readonly string _upsertSql;
    private readonly string _deleteSql;
    private readonly string _existsSql;

    /// <summary>Creates a table over <paramref name="database"/>.</summary>
    public PostgresReminderTable(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var table = $"{database.QuotedSchema}.netops_reminders";
        _selectAllSql = $"SELECT {Columns} FROM {table} ORDER BY grain_type, grain_key, name";
        _selectGrainSql = $"SELECT {Columns} FROM {table} WHERE grain_type = $1 AND grain_key = $2 ORDER BY name";
        _selectOneSql = $"SELECT {Columns} FROM {table} WHERE grain_type = $1 AND grain_key = $2 AND name = $3";
        _upsertSql = $"""
            INSERT INTO {table} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (grain_type, grain_key, name) DO UPDATE
            SET start_at = EXCLUDED.start_at, period = EXCLUDED.period, etag = EXCLUDED.etag, updated_at = now()
            """;
        _deleteSql = $"DELETE FROM {table} WHERE grain_type = $1 AND grain_key = $2 AND name = $3 AND etag = $4";
        _existsSql = $"SELECT EXISTS (SELECT 1 FROM {table} WHERE grain_type = $1 AND grain_key = $2 AND name = $3)";
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _database.EnsureSchemaAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(_selectAllSql, static _ => { }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        QueryAsync(_selectGrainSql, command => AddGrain(command, grainId), cancellationToken);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var entries = await QueryAsync(_selectOneSql, command => AddKey(command, grainId, name), cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <inheritdoc />
    public async Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Guid.CreateVersion7();
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        // Unconditional and idempotent: repeating it after a lost reply leaves the same row.
        await _database.RetryPolicy.ExecuteAsync(
            async (_, ct) =>
            {
                var command = _database.DataSource.CreateCommand(_upsertSql);
                await using (command.ConfigureAwait(false))
                {
                    AddKey(command, entry.GrainId, entry.Name);
                    // timestamptz only takes UTC offsets from Npgsql; the instant is what matters.
                    command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.StartAt.ToUniversalTime() });
                    command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = entry.Period });
                    command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = etag });
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return FormatETag(etag);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(GrainId grainId, string name, string eTag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(eTag);
        if (!Guid.TryParse(eTag, out var held))
        {
            // Not a tag this table ever issued, so it cannot match a row.
            return false;
        }

        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _database.RetryPolicy.ExecuteAsync(
            async (attempt, ct) =>
            {
                var command = _database.DataSource.CreateCommand(_deleteSql);
                await using (command.ConfigureAwait(false))
                {
                    AddKey(command, grainId, name);
                    command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = held });
                    if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
                    {
                        return true;
                    }
                }

                if (attempt == 1)
                {
                    return false;
                }

                // An earlier attempt may have deleted the row and lost only its reply; if the row is gone, the
                // caller's intent has been carried out.
                var exists = _database.DataSource.CreateCommand(_existsSql);
                await using (exists.ConfigureAwait(false))
                {
                    AddKey(exists, grainId, name);
                    return !(bool)(await exists.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _database.RetryPolicy.ExecuteAsync(
            async (_, ct) =>
            {
                var command = _database.DataSource.CreateCommand(sql);
                await using (command.ConfigureAwait(false))
                {
                    bind(command);
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        var entries = new List<ReminderEntry>();
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            entries.Add(new ReminderEntry(
                                new GrainId(reader.GetString(0), reader.GetString(1)),
                                reader.GetString(2),
                                reader.GetFieldValue<DateTimeOffset>(3),
                                reader.GetFieldValue<TimeSpan>(4),
                                FormatETag(reader.GetGuid(5))));
                        }

                        return (IReadOnlyList<ReminderEntry>)entries;
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static void AddGrain(NpgsqlCommand command, GrainId grainId)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
    }

    private static void AddKey(NpgsqlCommand command, GrainId grainId, string name)
    {
        AddGrain(command, grainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
    }

    private static string FormatETag(Guid etag) => etag.ToString("D");
}
