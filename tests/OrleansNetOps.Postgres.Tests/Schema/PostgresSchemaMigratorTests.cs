using Npgsql;
using OrleansNetOps.Postgres.Tests.Infrastructure;

namespace OrleansNetOps.Postgres.Tests.Schema;

public sealed class PostgresSchemaMigratorTests : IAsyncLifetime
{
    private readonly TestSchemas _schemas = new();
    private readonly List<PostgresDatabase> _databases = [];
    private NpgsqlDataSource? _admin;

    private NpgsqlDataSource Admin => _admin ?? throw new InvalidOperationException("Not initialised.");

    public Task InitializeAsync()
    {
        _admin = NpgsqlDataSource.Create(PostgresTestServer.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await _schemas.DisposeAsync();
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }
    }

    private PostgresDatabase Database(string schema)
    {
        var database = new PostgresDatabase(new PostgresOptions { ConnectionString = PostgresTestServer.ConnectionString, Schema = schema });
        _databases.Add(database);
        return database;
    }

    private async Task<long> CountAsync(string sql, string schema)
    {
        await using var command = Admin.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<long> SchemaCountAsync(string schema) =>
        CountAsync("SELECT count(*) FROM pg_namespace WHERE nspname = $1", schema);

    private Task<long> TableCountAsync(string schema) =>
        CountAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1", schema);

    private async Task<IReadOnlyList<int>> RecordedVersionsAsync(string schema)
    {
        await using var command = Admin.CreateCommand($"SELECT version FROM \"{schema}\".netops_schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    // netops_schema_migrations, three time-series tables, and Orleans' query, two membership, grain state and reminder tables.
    private const int TablesPerSchema = 14;

    private static int[] AllVersions => [.. PostgresSchemaMigrator.Migrations.Select(m => m.Version)];

    [Fact]
    public void The_history_is_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, PostgresSchemaMigrator.Migrations.Count), AllVersions);
        Assert.Equal(PostgresSchemaMigrator.Migrations.Count, PostgresSchemaMigrator.LatestVersion);
    }

    [Fact]
    public async Task Migrating_twice_applies_everything_once_and_then_nothing()
    {
        var schema = _schemas.Reserve();
        var migrator = new PostgresSchemaMigrator(Database(schema));

        Assert.Equal(AllVersions, await migrator.MigrateAsync());
        Assert.Empty(await migrator.MigrateAsync());
        Assert.Empty(await new PostgresSchemaMigrator(Database(schema)).MigrateAsync());

        Assert.Equal(1, await SchemaCountAsync(schema));
        Assert.Equal(AllVersions, await RecordedVersionsAsync(schema));
        Assert.Equal(TablesPerSchema, await TableCountAsync(schema));
    }

    [Fact]
    public async Task Four_silos_migrating_at_once_apply_each_version_exactly_once()
    {
        // Repeated on fresh schemas: a race that the advisory lock did not prevent would show up as a duplicate
        // CREATE failing, or a version applied by two silos.
        for (var run = 0; run < 5; run++)
        {
            var schema = _schemas.Reserve();
            var migrators = Enumerable.Range(0, 4).Select(_ => new PostgresSchemaMigrator(Database(schema))).ToArray();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var runs = migrators.Select(m => Task.Run(async () =>
            {
                await start.Task;
                return await m.MigrateAsync();
            })).ToArray();
            start.SetResult();
            var applied = await Task.WhenAll(runs);

            Assert.Equal(AllVersions, applied.SelectMany(v => v).Order());
            Assert.Single(applied, v => v.Count > 0);
            Assert.Equal(1, await SchemaCountAsync(schema));
            Assert.Equal(AllVersions, await RecordedVersionsAsync(schema));
            Assert.Equal(TablesPerSchema, await TableCountAsync(schema));
        }
    }

    [Fact]
    public async Task A_mixed_case_schema_name_is_kept_as_written()
    {
        var schema = "NetOps_" + Guid.NewGuid().ToString("N");
        await using var database = new PostgresDatabase(new PostgresOptions { ConnectionString = PostgresTestServer.ConnectionString, Schema = schema });
        try
        {
            await database.EnsureSchemaAsync();
            Assert.Equal(1, await SchemaCountAsync(schema));
            Assert.Equal(0, await SchemaCountAsync(schema.ToLowerInvariant()));
        }
        finally
        {
            await using var drop = Admin.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("public; DROP TABLE x")]
    [InlineData("1starts_with_digit")]
    [InlineData("has\"quote")]
    [InlineData("has-dash")]
    [InlineData("schéma")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void A_schema_name_that_is_not_a_plain_identifier_is_refused(string schema)
    {
        var options = new PostgresOptions { ConnectionString = "Host=127.0.0.1", Schema = schema };

        var error = Assert.Throws<ArgumentException>(() => new PostgresDatabase(options));

        Assert.Contains("schema", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
