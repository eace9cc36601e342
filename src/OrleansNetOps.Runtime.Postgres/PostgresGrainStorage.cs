using Npgsql;
using NpgsqlTypes;

namespace OrleansNetOps.Runtime.Postgres;

/// <summary>
/// Grain state in PostgreSQL: one row per (grain type, grain key, state name) in <c>netops_grain_state</c>, the state
/// as JSONB in <see cref="StateSerialization"/>'s shape, versioned by a random ETag. Every write and clear is one
/// conditional statement, so the database alone decides which of two racing writers wins; the loser gets
/// <see cref="InconsistentStateException"/> and nothing it sent is stored.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage
{
    private const string Key = "grain_type = $1 AND grain_key = $2 AND state_name = $3";

    private readonly PostgresDatabase _database;
    private readonly string _selectSql;
    private readonly string _selectETagSql;
    private readonly string _insertSql;
    private readonly string _updateSql;
    private readonly string _deleteSql;

    /// <summary>Creates a store over <paramref name="database"/>; its schema is migrated before the first statement.</summary>
    public PostgresGrainStorage(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var table = $"{database.QuotedSchema}.netops_grain_state";
        _selectSql = $"SELECT payload, etag FROM {table} WHERE {Key}";
        _selectETagSql = $"SELECT etag FROM {table} WHERE {Key}";
        _insertSql = $"INSERT INTO {table} (grain_type, grain_key, state_name, payload, etag) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";
        _updateSql = $"UPDATE {table} SET payload = $4, etag = $5, updated_at = now() WHERE {Key} AND etag = $6";
        _deleteSql = $"DELETE FROM {table} WHERE {Key} AND etag = $4";
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var stored = await _database.RetryPolicy.ExecuteAsync(
            async (_, ct) =>
            {
                var command = _database.DataSource.CreateCommand(_selectSql);
                await using (command.ConfigureAwait(false))
                {
                    AddKey(command, stateName, grainId);
                    var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await reader.ReadAsync(ct).ConfigureAwait(false)
                            ? new StoredState(reader.GetFieldValue<byte[]>(0), reader.GetGuid(1))
                            : null;
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);

        if (stored is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = StateSerialization.Deserialize<T>(stored.Payload);
        grainState.ETag = FormatETag(stored.ETag);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = StateSerialization.Serialize(grainState.State);
        var heldETag = grainState.ETag;
        Guid? held = null;
        if (heldETag is not null)
        {
            if (!Guid.TryParse(heldETag, out var parsed))
            {
                // No stored row can carry a tag that is not ours, so this is a conflict, not a malformed request.
                throw await LookUpConflictAsync(stateName, grainId, heldETag, cancellationToken).ConfigureAwait(false);
            }

            held = parsed;
        }

        // Chosen here rather than by the server so that, after a retry, we can recognise our own earlier write.
        var next = Guid.CreateVersion7();
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var stored = await _database.RetryPolicy.ExecuteAsync(
            async (_, ct) =>
            {
                var command = _database.DataSource.CreateCommand(held is null ? _insertSql : _updateSql);
                await using (command.ConfigureAwait(false))
                {
                    AddKey(command, stateName, grainId);
                    command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload, NpgsqlDbType = NpgsqlDbType.Jsonb });
                    command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = next });
                    if (held is { } heldGuid)
                    {
                        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = heldGuid });
                    }

                    if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
                    {
                        return (Guid?)next;
                    }
                }

                // The row was not there in the version we held. If it now carries our new tag, an earlier attempt
                // committed and only its reply was lost: that is our write, not someone else's.
                return await ReadETagAsync(stateName, grainId, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        if (stored != next)
        {
            throw Conflict(stateName, grainId, stored, heldETag);
        }

        grainState.ETag = FormatETag(next);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var heldETag = grainState.ETag;
        if (heldETag is null)
        {
            // A holder that never saw a record may only "clear" when there is still nothing to clear.
            await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var existing = await _database.RetryPolicy.ExecuteAsync((_, ct) => ReadETagAsync(stateName, grainId, ct), cancellationToken)
                .ConfigureAwait(false);
            if (existing is not null)
            {
                throw Conflict(stateName, grainId, existing, null);
            }
        }
        else
        {
            if (!Guid.TryParse(heldETag, out var held))
            {
                throw await LookUpConflictAsync(stateName, grainId, heldETag, cancellationToken).ConfigureAwait(false);
            }

            await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var outcome = await _database.RetryPolicy.ExecuteAsync(
                async (attempt, ct) =>
                {
                    var command = _database.DataSource.CreateCommand(_deleteSql);
                    await using (command.ConfigureAwait(false))
                    {
                        AddKey(command, stateName, grainId);
                        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = held });
                        if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
                        {
                            return new ClearOutcome(true, null);
                        }
                    }

                    var stored = await ReadETagAsync(stateName, grainId, ct).ConfigureAwait(false);

                    // Gone after a retry: the earlier attempt's delete most likely committed before its reply was
                    // lost. Either way the record the caller wanted removed is no longer there.
                    return new ClearOutcome(stored is null && attempt > 1, stored);
                },
                cancellationToken).ConfigureAwait(false);

            if (!outcome.Cleared)
            {
                throw Conflict(stateName, grainId, outcome.StoredETag, heldETag);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<InconsistentStateException> LookUpConflictAsync(string stateName, GrainId grainId, string heldETag, CancellationToken cancellationToken)
    {
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var stored = await _database.RetryPolicy.ExecuteAsync((_, ct) => ReadETagAsync(stateName, grainId, ct), cancellationToken)
            .ConfigureAwait(false);
        return Conflict(stateName, grainId, stored, heldETag);
    }

    private async Task<Guid?> ReadETagAsync(string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        var command = _database.DataSource.CreateCommand(_selectETagSql);
        await using (command.ConfigureAwait(false))
        {
            AddKey(command, stateName, grainId);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is Guid stored ? stored : null;
        }
    }

    private static void AddKey(NpgsqlCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
    }

    private static string FormatETag(Guid etag) => etag.ToString("D");

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, Guid? stored, string? held)
    {
        var storedETag = stored is { } value ? FormatETag(value) : null;
        return new InconsistentStateException(
            $"State '{stateName}' of grain {grainId} was changed by another writer: stored ETag '{storedETag ?? "<none>"}', writer held '{held ?? "<none>"}'. Nothing was written.",
            storedETag,
            held);
    }

    private sealed record StoredState(byte[] Payload, Guid ETag);

    private readonly record struct ClearOutcome(bool Cleared, Guid? StoredETag);
}
