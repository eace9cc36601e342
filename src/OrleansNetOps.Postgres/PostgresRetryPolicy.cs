using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace OrleansNetOps.Postgres;

/// <summary>
/// Retries an operation whose failure Npgsql marks transient (the server is unreachable, a connection broke,
/// a timeout, a serialization failure) with exponential backoff and jitter, up to a bounded number of attempts.
/// Anything else surfaces at once: retrying a syntax error or a constraint violation only delays the bad news.
/// </summary>
public sealed partial class PostgresRetryPolicy
{
    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private long _retries;

    /// <summary>Creates a policy.</summary>
    /// <param name="maxAttempts">Total attempts, including the first.</param>
    /// <param name="initialDelay">The wait before the first retry; doubled for each further one.</param>
    /// <param name="maxDelay">The cap on any one wait.</param>
    /// <param name="logger">Where retries are logged as warnings.</param>
    /// <param name="timeProvider">The clock the waits run on.</param>
    public PostgresRetryPolicy(int maxAttempts, TimeSpan initialDelay, TimeSpan maxDelay, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, initialDelay);
        MaxAttempts = maxAttempts;
        _initialDelay = initialDelay;
        _maxDelay = maxDelay;
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates the policy an options instance describes.</summary>
    public static PostgresRetryPolicy FromOptions(PostgresOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PostgresRetryPolicy(options.MaxAttempts, options.InitialRetryDelay, options.MaxRetryDelay, logger);
    }

    /// <summary>Total attempts, including the first.</summary>
    public int MaxAttempts { get; }

    /// <summary>How many retries this policy has made since it was created; a cheap signal for metrics.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Whether a failure is worth another attempt.</summary>
    public static bool IsTransient(Exception exception) => exception is NpgsqlException { IsTransient: true };

    /// <summary>
    /// Runs <paramref name="operation"/>, passing it the 1-based attempt number (so an operation can tell that an
    /// earlier attempt may have committed before its connection broke).
    /// </summary>
    /// <exception cref="PostgresRetriesExhaustedException">Every attempt failed transiently.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled, also while waiting to retry.</exception>
    public async Task<T> ExecuteAsync<T>(Func<int, CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await operation(attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsTransient(exception) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= MaxAttempts)
                {
                    throw new PostgresRetriesExhaustedException(attempt, Stopwatch.GetElapsedTime(started), exception);
                }

                var delay = DelayBeforeRetry(attempt);
                LogRetry(attempt, MaxAttempts, delay.TotalMilliseconds, PostgresRetriesExhaustedException.Describe(exception));
                Interlocked.Increment(ref _retries);
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs an operation with no result; see <see cref="ExecuteAsync{T}"/>.</summary>
    public Task ExecuteAsync(Func<int, CancellationToken, Task> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return ExecuteAsync(
            async (attempt, ct) =>
            {
                await operation(attempt, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/>: half of the capped exponential step plus a random
    /// share of the other half, so silos that lost the server together do not all come back in the same instant.
    /// </summary>
    public TimeSpan DelayBeforeRetry(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var step = Math.Min(_initialDelay.Ticks * (double)(1L << exponent), _maxDelay.Ticks);
        var half = step / 2;
#pragma warning disable CA5394 // Jitter only spreads load; it guards nothing.
        return TimeSpan.FromTicks((long)(half + (Random.Shared.NextDouble() * half)));
#pragma warning restore CA5394
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL attempt {Attempt} of {MaxAttempts} failed transiently; retrying in {DelayMs:0} ms: {Reason}")]
    private partial void LogRetry(int attempt, int maxAttempts, double delayMs, string reason);
}
