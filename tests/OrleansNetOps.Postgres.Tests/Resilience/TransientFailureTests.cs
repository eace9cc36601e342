using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using OrleansNetOps.Postgres.Tests.Infrastructure;
using OrleansNetOps.Postgres.TimeSeries;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Postgres.Tests.Resilience;

public sealed class TransientFailureTests(PostgresSchemaFixture fixture) : IClassFixture<PostgresSchemaFixture>
{
    private static int ClosedPort()
    {
        // Bound and released at once: nothing listens there for the length of a test.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static SeriesKey NewSeries() => new("resilience-" + Guid.NewGuid().ToString("N"), "/system/cpu/utilization");

    private static MetricSample Sample(SeriesKey series, double value) => new(series.Router, series.Path, DateTimeOffset.UnixEpoch.AddDays(20000), value);

    private static async Task<double> LastValueAsync(PostgresTimeSeriesStore store, SeriesKey series) =>
        (await store.QueryAsync(series, DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue))[^1].Value;

    private static string WithEndpoint(int port, Action<NpgsqlConnectionStringBuilder>? adjust = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { Host = "127.0.0.1", Port = port, Timeout = 2 };
        adjust?.Invoke(builder);
        return builder.ConnectionString;
    }

    [Fact]
    public async Task An_unreachable_server_fails_after_the_configured_attempts_with_a_clear_exception()
    {
        var port = ClosedPort();
        await using var database = new PostgresDatabase(new PostgresOptions
        {
            ConnectionString = WithEndpoint(port),
            Schema = fixture.Schema,
            MaxAttempts = 3,
            InitialRetryDelay = TimeSpan.FromMilliseconds(40),
            MaxRetryDelay = TimeSpan.FromMilliseconds(80),
        });
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<PostgresRetriesExhaustedException>(() => database.EnsureSchemaAsync());

        Assert.Equal(3, error.Attempts);
        Assert.Equal(2, database.RetryPolicy.Retries);
        Assert.IsType<NpgsqlException>(error.InnerException, exactMatch: false);
        Assert.Contains("3 attempt", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        // Two waits of at least half their step (20 ms and 40 ms) lie between the three attempts.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(60), $"gave up after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_non_transient_error_surfaces_on_the_first_attempt()
    {
        var attempts = 0;
        var error = await Assert.ThrowsAsync<PostgresException>(() => fixture.Database.RetryPolicy.ExecuteAsync(async (_, ct) =>
        {
            Interlocked.Increment(ref attempts);
            await using var command = fixture.Database.DataSource.CreateCommand("SELEC 1");
            return await command.ExecuteScalarAsync(ct);
        }));

        Assert.Equal(PostgresErrorCodes.SyntaxError, error.SqlState);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Cancellation_stops_the_retry_wait_at_once()
    {
        await using var database = new PostgresDatabase(new PostgresOptions
        {
            ConnectionString = WithEndpoint(ClosedPort()),
            Schema = fixture.Schema,
            MaxAttempts = 10,
            InitialRetryDelay = TimeSpan.FromSeconds(20),
            MaxRetryDelay = TimeSpan.FromSeconds(20),
        });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => database.EnsureSchemaAsync(cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancellation took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_probe_reports_an_unreachable_server_as_unhealthy_with_the_reason_and_a_live_one_as_healthy()
    {
        var port = ClosedPort();
        await using var unreachable = new PostgresDatabase(new PostgresOptions { ConnectionString = WithEndpoint(port), Schema = fixture.Schema });

        var sick = await new PostgresHealthProbe(unreachable).CheckAsync();

        Assert.False(sick.IsHealthy);
        Assert.Contains($"127.0.0.1:{port}", sick.Reason, StringComparison.Ordinal);
        Assert.Contains("refused", sick.Reason, StringComparison.OrdinalIgnoreCase);

        var well = await new PostgresHealthProbe(fixture.Database).CheckAsync();
        Assert.True(well.IsHealthy, well.Reason);
        Assert.Contains("PostgreSQL", well.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_probe_gives_up_on_a_server_that_never_answers_within_its_timeout()
    {
        // A listener that accepts connections and then says nothing, like a hung server.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;
            await using var hung = new PostgresDatabase(new PostgresOptions
            {
                ConnectionString = WithEndpoint(port, b => b.Timeout = 30),
                Schema = fixture.Schema,
                HealthCheckTimeout = TimeSpan.FromSeconds(1),
            });

            var clock = Stopwatch.StartNew();
            var report = await new PostgresHealthProbe(hung).CheckAsync();

            Assert.False(report.IsHealthy);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"probe took {clock.Elapsed}");
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task Killed_pool_connections_are_replaced_by_a_retry()
    {
        var application = "netops-kill-" + Guid.NewGuid().ToString("N")[..12];
        await using var database = new PostgresDatabase(new PostgresOptions
        {
            ConnectionString = WithEndpoint(new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString).Port, b => b.ApplicationName = application),
            Schema = fixture.Schema,
            InitialRetryDelay = TimeSpan.FromMilliseconds(20),
        });
        var store = new PostgresTimeSeriesStore(database);
        var series = NewSeries();
        await store.AppendAsync([Sample(series, 1)]);

        // What a server restart or a failover does to every idle pooled connection.
        await using (var kill = fixture.Database.DataSource.CreateCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1"))
        {
            kill.Parameters.Add(new NpgsqlParameter<string> { TypedValue = application });
            Assert.True((long)(await kill.ExecuteScalarAsync())! >= 1);
        }

        await store.AppendAsync([Sample(series, 2)]);

        Assert.True(database.RetryPolicy.Retries >= 1, "the write never met the dead connection, so the test proved nothing");
        Assert.Equal(2, await LastValueAsync(store, series));
    }

    [Fact]
    public async Task When_the_server_goes_away_and_returns_the_probe_follows_and_a_pending_write_succeeds()
    {
        var target = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString);
        await using var relay = new TcpRelay(target.Host!, target.Port);
        relay.Start();
        await using var database = new PostgresDatabase(new PostgresOptions
        {
            ConnectionString = WithEndpoint(relay.Port),
            Schema = fixture.Schema,
            MaxAttempts = 12,
            InitialRetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromMilliseconds(400),
            HealthCheckTimeout = TimeSpan.FromSeconds(2),
        });
        var store = new PostgresTimeSeriesStore(database);
        var probe = new PostgresHealthProbe(database);
        var series = NewSeries();
        await store.AppendAsync([Sample(series, 1)]);
        Assert.True((await probe.CheckAsync()).IsHealthy);

        await relay.StopAsync();
        var down = await probe.CheckAsync();
        Assert.False(down.IsHealthy);
        Assert.NotEmpty(down.Reason);

        var pending = store.AppendAsync([Sample(series, 2)]);
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        Assert.False(pending.IsCompleted, "the write finished while the server was away");
        relay.Start();

        await pending;
        Assert.True(database.RetryPolicy.Retries >= 1);
        var up = await probe.CheckAsync();
        Assert.True(up.IsHealthy, up.Reason);
        Assert.Equal(2, await LastValueAsync(new PostgresTimeSeriesStore(fixture.Database), series));
    }
}
