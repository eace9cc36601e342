using Npgsql;

namespace OrleansNetOps.Postgres;

/// <summary>
/// Brings a schema up to the latest <see cref="Migrations"/> step. Safe to run from every silo at every start:
/// the work happens in one transaction under a PostgreSQL advisory lock keyed by the schema name, so silos
/// starting together queue up instead of racing, and a run that finds everything applied changes nothing.
/// Applied versions are recorded in <c>netops_schema_migrations</c> in the same schema.
/// </summary>
public sealed class PostgresSchemaMigrator
{
    // First half of the two-part advisory lock key, so our locks cannot collide with another application's
    // single-key locks on the same database. ASCII "NOPS".
    private const int LockClass = 0x4E4F5053;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly string _quotedSchema;
    private readonly PostgresRetryPolicy _retryPolicy;

    /// <summary>Creates a migrator for <paramref name="database"/>'s schema.</summary>
    public PostgresSchemaMigrator(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _dataSource = database.DataSource;
        _schema = database.Schema;
        _quotedSchema = database.QuotedSchema;
        _retryPolicy = database.RetryPolicy;
    }

    /// <summary>The full schema history, oldest first.</summary>
    public static IReadOnlyList<PostgresMigration> Migrations => PostgresMigrations.All;

    /// <summary>The version a fully migrated schema is at.</summary>
    public static int LatestVersion => PostgresMigrations.All[^1].Version;

    /// <summary>Applies the missing steps; returns the versions this call applied (empty when already up to date).</summary>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) =>
        // The whole run is one transaction, so a retry after a broken connection starts from a clean slate.
        _retryPolicy.ExecuteAsync((_, ct) => MigrateOnceAsync(ct), cancellationToken);

    private async Task<IReadOnlyList<int>> MigrateOnceAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Transaction-scoped, so it is released by commit, rollback or a dropped connection alike.
                await ExecuteAsync(
                    connection,
                    "SELECT pg_advisory_xact_lock($1, hashtext($2))",
                    cancellationToken,
                    new NpgsqlParameter<int> { TypedValue = LockClass },
                    new NpgsqlParameter<string> { TypedValue = _schema }).ConfigureAwait(false);

                // Only now, holding the lock, are these existence checks free of races between silos. CREATE SCHEMA
                // demands the CREATE privilege on the database even with IF NOT EXISTS, so an existing schema
                // (such as public) is not "created" again by a role that may only use it.
                if (!await SchemaExistsAsync(connection, cancellationToken).ConfigureAwait(false))
                {
                    await ExecuteAsync(connection, $"CREATE SCHEMA {_quotedSchema}", cancellationToken).ConfigureAwait(false);
                }

                await ExecuteAsync(
                    connection,
                    $"""
                    CREATE TABLE IF NOT EXISTS {_quotedSchema}.netops_schema_migrations (
                        version integer PRIMARY KEY,
                        name text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    )
                    """,
                    cancellationToken).ConfigureAwait(false);

                var applied = await ReadAppliedVersionsAsync(connection, cancellationToken).ConfigureAwait(false);
                var newlyApplied = new List<int>();
                foreach (var migration in PostgresMigrations.All)
                {
                    if (applied.Contains(migration.Version))
                    {
                        continue;
                    }

                    await ExecuteAsync(connection, migration.Sql.Replace("{schema}", _quotedSchema, StringComparison.Ordinal), cancellationToken)
                        .ConfigureAwait(false);
                    await ExecuteAsync(
                        connection,
                        $"INSERT INTO {_quotedSchema}.netops_schema_migrations (version, name) VALUES ($1, $2)",
                        cancellationToken,
                        new NpgsqlParameter<int> { TypedValue = migration.Version },
                        new NpgsqlParameter<string> { TypedValue = migration.Name }).ConfigureAwait(false);
                    newlyApplied.Add(migration.Version);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return newlyApplied;
            }
        }
    }

    private async Task<bool> SchemaExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _schema });
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    private async Task<HashSet<int>> ReadAppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand($"SELECT version FROM {_quotedSchema}.netops_schema_migrations", connection);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var versions = new HashSet<int>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    versions.Add(reader.GetInt32(0));
                }

                return versions;
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange(parameters);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
