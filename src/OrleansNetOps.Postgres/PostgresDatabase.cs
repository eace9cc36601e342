using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrleansNetOps.Postgres;

/// <summary>
/// One configured PostgreSQL database as the providers use it: its connection pool, retry policy and schema.
/// Create one per <see cref="PostgresOptions"/> and share it; providers built on the same instance share the pool.
/// Disposing it closes the pool.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private const int DefaultMaxAutoPrepare = 16;

    private readonly PostgresOptions _options;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly Lazy<NpgsqlDataSource> _probeDataSource;
    private readonly Lazy<NpgsqlDataSource> _orleansDataSource;
    private volatile bool _schemaReady;

    /// <summary>Creates the pool for <paramref name="options"/> (no connection is opened yet).</summary>
    /// <param name="options">The settings; copied, then validated.</param>
    /// <param name="loggerFactory">Receives retry warnings and Npgsql's own logs.</param>
    public PostgresDatabase(PostgresOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
        _options.Validate();
        Schema = _options.Schema;
        QuotedSchema = PostgresIdentifier.Quote(Schema);

        var builder = new NpgsqlDataSourceBuilder(_options.ConnectionString);
        builder.ConnectionStringBuilder.CommandTimeout = (int)Math.Ceiling(_options.CommandTimeout.TotalSeconds);
        if (!SetsMaxAutoPrepare(_options.ConnectionString))
        {
            // The providers send a handful of statements over and over: let Npgsql prepare them on each connection
            // so the server stops re-parsing and re-planning them. An explicit setting in the connection string wins.
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        DataSource = builder.Build();
        RetryPolicy = PostgresRetryPolicy.FromOptions(_options, loggerFactory?.CreateLogger<PostgresRetryPolicy>());
        _probeDataSource = new Lazy<NpgsqlDataSource>(CreateProbeDataSource, LazyThreadSafetyMode.ExecutionAndPublication);
        _orleansDataSource = new Lazy<NpgsqlDataSource>(CreateOrleansDataSource, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A copy of the validated settings this database was created with.</summary>
    public PostgresOptions Options => _options.Clone();

    /// <summary>The schema the providers' tables live in.</summary>
    public string Schema { get; }

    /// <summary>The connection pool.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The retry policy every provider operation runs under.</summary>
    public PostgresRetryPolicy RetryPolicy { get; }

    /// <summary>The schema name, double-quoted for use in SQL text.</summary>
    public string QuotedSchema { get; }

    /// <summary>
    /// The pool Orleans' ADO.NET providers (membership, grain state, reminders) use. They read their SQL from a table
    /// they name without a schema, so these connections have <see cref="Schema"/> as their search path. The pool is
    /// apart from <see cref="DataSource"/> so that membership heartbeats never queue behind bulk time-series writes.
    /// </summary>
    public NpgsqlDataSource OrleansDataSource => _orleansDataSource.Value;

    /// <summary>
    /// Unpooled connections for health checks: a probe must learn whether a new connection can be made now, which
    /// an idle pooled connection (possibly long dead) cannot tell it.
    /// </summary>
    internal NpgsqlDataSource ProbeDataSource => _probeDataSource.Value;

    /// <summary>
    /// Runs the <see cref="PostgresSchemaMigrator"/> once per instance; providers call this before their first
    /// statement. A failed run is tried again by the next caller.
    /// </summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await new PostgresSchemaMigrator(this).MigrateAsync(cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        if (_orleansDataSource.IsValueCreated)
        {
            await _orleansDataSource.Value.DisposeAsync().ConfigureAwait(false);
        }

        if (_probeDataSource.IsValueCreated)
        {
            await _probeDataSource.Value.DisposeAsync().ConfigureAwait(false);
        }

        _schemaGate.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        DataSource.Dispose();
        if (_orleansDataSource.IsValueCreated)
        {
            _orleansDataSource.Value.Dispose();
        }

        if (_probeDataSource.IsValueCreated)
        {
            _probeDataSource.Value.Dispose();
        }

        _schemaGate.Dispose();
    }

    // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not; the generic one does not.
    private static bool SetsMaxAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare");
    }

    // No logger: Npgsql would log each of the providers' heartbeat and state statements; Orleans logs their failures.
    private NpgsqlDataSource CreateOrleansDataSource()
    {
        var builder = new NpgsqlDataSourceBuilder(_options.ConnectionString);
        builder.ConnectionStringBuilder.CommandTimeout = (int)Math.Ceiling(_options.CommandTimeout.TotalSeconds);
        builder.ConnectionStringBuilder.SearchPath = QuotedSchema;
        return builder.Build();
    }

    private NpgsqlDataSource CreateProbeDataSource()
    {
        var seconds = (int)Math.Ceiling(_options.HealthCheckTimeout.TotalSeconds);
        var builder = new NpgsqlDataSourceBuilder(_options.ConnectionString);
        builder.ConnectionStringBuilder.Pooling = false;
        builder.ConnectionStringBuilder.Timeout = seconds;
        builder.ConnectionStringBuilder.CommandTimeout = seconds;
        return builder.Build();
    }
}
