namespace OrleansNetOps.Silo.Configuration;

/// <summary>The <c>storage.postgres</c> section.</summary>
public sealed record PostgresStorageConfig
{
    /// <summary>The default schema.</summary>
    public const string DefaultSchema = "public";

    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; init; } = string.Empty;

    /// <summary>The schema the provider's tables live in.</summary>
    public string Schema { get; init; } = DefaultSchema;
}
