namespace OrleansNetOps.Postgres;

/// <summary>
/// A PostgreSQL operation kept failing transiently (server unreachable, connection dropped, timeout) until the
/// configured number of attempts was used up. The last failure is the inner exception.
/// </summary>
public sealed class PostgresRetriesExhaustedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PostgresRetriesExhaustedException(int attempts, TimeSpan elapsed, Exception lastFailure)
        : base(
            $"PostgreSQL operation failed after {attempts} attempt(s) over {elapsed.TotalSeconds:0.###} s; the server looks unreachable or overloaded. Last error: {Describe(lastFailure)}",
            lastFailure)
    {
        Attempts = attempts;
        Elapsed = elapsed;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PostgresRetriesExhaustedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public PostgresRetriesExhaustedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public PostgresRetriesExhaustedException()
    {
    }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>Time from the first attempt to giving up.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// The failure in words, with the inner error when it says more: Npgsql's outer message ("Failed to connect to ...")
    /// hides the socket error that says why.
    /// </summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException is { } inner && inner.Message != exception.Message
            ? $"{exception.Message} ({inner.Message})"
            : exception.Message;
    }
}
