using BenchmarkDotNet.Attributes;
using Npgsql;
using NpgsqlTypes;
using OrleansNetOps.Runtime;
using OrleansNetOps.Runtime.Postgres;

namespace OrleansNetOps.Benchmarks.Storage;

/// <summary>
/// One grain state write through each store, against a plain Npgsql upsert of the same JSON as the baseline, so the
/// ratio shows what the ETag check, retry policy and conflict handling cost on top of the database round trip.
/// Needs <c>NETOPS_TEST_POSTGRES</c> (see scripts/start-test-postgres.sh); works in a throwaway schema.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class StateWriteBenchmarks
{
    private const string StateName = "link";

    private readonly GrainId _rawGrain = new("LinkGrain", "raw");
    private readonly GrainId _postgresGrain = new("LinkGrain", "postgres");
    private readonly GrainId _memoryGrain = new("LinkGrain", "memory");
    private readonly MemoryGrainStorage _memory = new();
    private PostgresDatabase _database = null!;
    private PostgresGrainStorage _postgres = null!;
    private GrainState<LinkState> _postgresState = null!;
    private GrainState<LinkState> _memoryState = null!;
    private LinkState _value = null!;
    private string _schema = string.Empty;
    private string _rawUpsertSql = string.Empty;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("NETOPS_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("NETOPS_TEST_POSTGRES is not set; run: eval \"$(scripts/start-test-postgres.sh)\"");
        _schema = "netops_bench_" + Guid.NewGuid().ToString("N");
        _database = new PostgresDatabase(new PostgresOptions { ConnectionString = connectionString, Schema = _schema });
        await _database.EnsureSchemaAsync();
        _postgres = new PostgresGrainStorage(_database);
        _rawUpsertSql = $"""
            INSERT INTO "{_schema}".netops_grain_state (grain_type, grain_key, state_name, payload, etag) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (grain_type, grain_key, state_name) DO UPDATE SET payload = EXCLUDED.payload, etag = EXCLUDED.etag, updated_at = now()
            """;

        var at = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        _value = new LinkState(
            "edge-1.fra",
            "et-0/0/1",
            100_000_000_000,
            [.. Enumerable.Range(0, 12).Select(i => new LinkSample(at.AddMinutes(i), 40_000_000_000 + i, 38_000_000_000 - i, 0.0001 * i))],
            new Dictionary<string, string> { ["isp"] = "transit-a", ["site"] = "fra", ["tier"] = "core" },
            at);

        // Every measured write is an update of an existing row, the steady state of a grain.
        _postgresState = new GrainState<LinkState>(_value);
        await _postgres.WriteStateAsync(StateName, _postgresGrain, _postgresState);
        _memoryState = new GrainState<LinkState>(_value);
        await _memory.WriteStateAsync(StateName, _memoryGrain, _memoryState);
        await RawNpgsqlUpsert();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await using (var drop = _database.DataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _database.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "raw Npgsql upsert")]
    public async Task RawNpgsqlUpsert()
    {
        var payload = StateSerialization.Serialize(_value);
        await using var command = _database.DataSource.CreateCommand(_rawUpsertSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _rawGrain.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _rawGrain.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StateName });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        await command.ExecuteNonQueryAsync();
    }

    [Benchmark(Description = "PostgresGrainStorage write")]
    public Task PostgresGrainStorageWrite() => _postgres.WriteStateAsync(StateName, _postgresGrain, _postgresState);

    [Benchmark(Description = "MemoryGrainStorage write")]
    public Task MemoryGrainStorageWrite() => _memory.WriteStateAsync(StateName, _memoryGrain, _memoryState);
}
