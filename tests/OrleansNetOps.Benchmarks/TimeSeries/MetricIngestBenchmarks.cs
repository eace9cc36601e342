using BenchmarkDotNet.Attributes;
using Npgsql;
using NpgsqlTypes;
using OrleansNetOps.Postgres;
using OrleansNetOps.Postgres.TimeSeries;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Benchmarks.TimeSeries;

/// <summary>
/// Ingesting a batch of metric points into PostgreSQL: the store's binary COPY against the same points sent as
/// one INSERT per row (in one transaction) into the same table. Points per second = Points / mean time.
/// Needs <c>NETOPS_TEST_POSTGRES</c> (scripts/start-test-postgres.sh); works in a throwaway schema.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class MetricIngestBenchmarks
{
    private PostgresDatabase _database = null!;
    private PostgresTimeSeriesStore _store = null!;
    private List<MetricSample> _batch = null!;
    private long _seriesId;
    private string _schema = string.Empty;

    /// <summary>Points per batch: 100 series (routers × paths) of 100 points each.</summary>
    [Params(10_000)]
    public int Points { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("NETOPS_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("NETOPS_TEST_POSTGRES is not set; run: eval \"$(scripts/start-test-postgres.sh)\"");
        _schema = "netops_bench_ts_" + Guid.NewGuid().ToString("N")[..12];
        _database = new PostgresDatabase(new PostgresOptions { ConnectionString = connectionString, Schema = _schema });
        _store = new PostgresTimeSeriesStore(_database);
        var t0 = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        _batch = [.. Enumerable.Range(0, Points).Select(i => new MetricSample(
            $"R{i % 10}", $"/interfaces/interface[name=eth{(i / 10) % 10}]/state/counters/in-octets", t0.AddSeconds(i / 100), i * 1500.0))];
        // Warm the series ids so both methods write points only.
        await _store.AppendAsync(_batch);
        await using var command = _database.DataSource.CreateCommand($"SELECT min(id) FROM \"{_schema}\".netops_ts_series");
        _seriesId = (long)(await command.ExecuteScalarAsync())!;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await using (var command = _database.DataSource.CreateCommand($"DROP SCHEMA \"{_schema}\" CASCADE"))
        {
            await command.ExecuteNonQueryAsync();
        }

        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "binary COPY (PostgresTimeSeriesStore)")]
    public Task BinaryCopy() => _store.AppendAsync(_batch);

    [Benchmark(Description = "INSERT per row, one transaction")]
    public async Task RowByRowInsert()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"INSERT INTO \"{_schema}\".netops_ts_points (series_id, t, v) VALUES ($1, $2, $3)", connection, transaction);
        var id = new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint };
        var time = new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz };
        var value = new NpgsqlParameter<double> { NpgsqlDbType = NpgsqlDbType.Double };
        command.Parameters.Add(id);
        command.Parameters.Add(time);
        command.Parameters.Add(value);
        await command.PrepareAsync();
        foreach (var sample in _batch)
        {
            id.TypedValue = _seriesId;
            time.TypedValue = sample.Time.UtcDateTime;
            value.TypedValue = sample.Value;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
