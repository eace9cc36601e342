using System.Diagnostics;
using Npgsql;

namespace OrleansNetOps.Postgres;

/// <summary>
/// Readiness check for a <see cref="PostgresDatabase"/>: opens a new, unpooled connection and runs one query within
/// <see cref="PostgresOptions.HealthCheckTimeout"/>. It never throws for a sick server (only when its caller
/// cancels), and never retries: a readiness endpoint must answer promptly and say what it saw.
/// </summary>
public sealed class PostgresHealthProbe
{
    private readonly PostgresDatabase _database;

    /// <summary>Creates a probe for <paramref name="database"/>.</summary>
    public PostgresHealthProbe(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>Checks the server now.</summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<PostgresHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var timeout = _database.Options.HealthCheckTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var connection = await _database.ProbeDataSource.OpenConnectionAsync(deadline.Token).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var command = new NpgsqlCommand("SELECT 1", connection);
                await using (command.ConfigureAwait(false))
                {
                    await command.ExecuteScalarAsync(deadline.Token).ConfigureAwait(false);
                }

                return new PostgresHealthReport(true, $"PostgreSQL {connection.PostgreSqlVersion} answered", Stopwatch.GetElapsedTime(started));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unhealthy($"PostgreSQL did not answer within {timeout.TotalSeconds:0.#} s", started);
        }
#pragma warning disable CA1031 // A probe reports every failure instead of throwing it; that is its purpose.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return Unhealthy($"PostgreSQL unreachable: {PostgresRetriesExhaustedException.Describe(exception)}", started);
        }
    }

    private static PostgresHealthReport Unhealthy(string reason, long started) =>
        new(false, reason, Stopwatch.GetElapsedTime(started));
}
