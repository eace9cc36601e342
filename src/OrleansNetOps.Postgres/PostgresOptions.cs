namespace OrleansNetOps.Postgres;

/// <summary>
/// Where and how a PostgreSQL provider talks to its database. One instance backs one
/// <see cref="PostgresDatabase"/> (and so one connection pool).
/// </summary>
public sealed class PostgresOptions
{
    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// The schema the provider's tables live in. A plain identifier (letters, digits, underscore); it is quoted in SQL,
    /// so its case is kept. Separate schemas let tests and tenants share a database without seeing each other.
    /// </summary>
    public string Schema { get; set; } = "public";

    /// <summary>How many times an operation is tried in total before a transient failure is given up on.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first retry; it doubles with each further retry.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one SQL command may run before it is abandoned (and counted as a transient failure).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a health check waits for a connection and an answer before reporting the server unhealthy.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("PostgresOptions.ConnectionString is empty.", nameof(ConnectionString));
        }

        PostgresIdentifier.Quote(Schema);
        if (MaxAttempts < 1)
        {
            throw new ArgumentException($"PostgresOptions.MaxAttempts must be at least 1, was {MaxAttempts}.", nameof(MaxAttempts));
        }

        if (InitialRetryDelay < TimeSpan.Zero || MaxRetryDelay < InitialRetryDelay)
        {
            throw new ArgumentException(
                $"PostgresOptions retry delays must satisfy 0 <= InitialRetryDelay ({InitialRetryDelay}) <= MaxRetryDelay ({MaxRetryDelay}).",
                nameof(InitialRetryDelay));
        }

        if (CommandTimeout < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"PostgresOptions.CommandTimeout must be at least 1 s, was {CommandTimeout}.", nameof(CommandTimeout));
        }

        if (HealthCheckTimeout < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"PostgresOptions.HealthCheckTimeout must be at least 1 s, was {HealthCheckTimeout}.", nameof(HealthCheckTimeout));
        }
    }

    /// <summary>A copy, so a provider is not affected by later changes to the instance it was given.</summary>
    public PostgresOptions Clone() => (PostgresOptions)MemberwiseClone();
}
