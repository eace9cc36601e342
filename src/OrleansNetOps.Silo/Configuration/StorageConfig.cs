namespace OrleansNetOps.Silo.Configuration;

/// <summary>The <c>storage</c> section.</summary>
public sealed record StorageConfig
{
    /// <summary>The provider.</summary>
    public StorageKind Kind { get; init; } = StorageKind.Memory;

    /// <summary>PostgreSQL settings; required when <see cref="Kind"/> is <see cref="StorageKind.Postgres"/>.</summary>
    public PostgresStorageConfig? Postgres { get; init; }
}
