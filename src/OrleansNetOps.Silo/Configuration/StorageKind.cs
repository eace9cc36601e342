namespace OrleansNetOps.Silo.Configuration;

/// <summary>Which provider keeps grain state and reminders.</summary>
public enum StorageKind
{
    /// <summary>In process memory; lost on restart.</summary>
    Memory,

    /// <summary>PostgreSQL, through <c>OrleansNetOps.Runtime.Postgres</c>.</summary>
    Postgres,
}
