using Npgsql;

namespace OrleansNetOps.Postgres.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated schema for one test class on the real server, dropped afterwards, plus any further
/// <see cref="PostgresDatabase"/> instances the class asks for (all disposed with it).
/// </summary>
public sealed class PostgresSchemaFixture : IAsyncLifetime
{
    private readonly TestSchemas _schemas = new();
    private readonly List<PostgresDatabase> _databases = [];
    private PostgresDatabase? _database;

    public string Schema { get; private set; } = string.Empty;

    /// <summary>The class's database, its schema already migrated.</summary>
    public PostgresDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialised.");

    public async Task InitializeAsync()
    {
        _ = PostgresTestServer.ConnectionString;
        Schema = _schemas.Reserve();
        _database = CreateDatabase();
        await _database.EnsureSchemaAsync();
    }

    /// <summary>Another pool over the same schema, as a second silo or a restarted one would have.</summary>
    public PostgresDatabase CreateDatabase(Action<PostgresOptions>? configure = null)
    {
        var options = new PostgresOptions { ConnectionString = PostgresTestServer.ConnectionString, Schema = Schema };
        configure?.Invoke(options);
        var database = new PostgresDatabase(options);
        lock (_databases)
        {
            _databases.Add(database);
        }

        return database;
    }

    /// <summary>Runs a query outside the providers, to look at what they stored.</summary>
    public async Task<object?> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteScalarAsync();
    }

    public async Task DisposeAsync()
    {
        PostgresDatabase[] databases;
        lock (_databases)
        {
            databases = [.. _databases];
        }

        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }

        await _schemas.DisposeAsync();
    }
}
