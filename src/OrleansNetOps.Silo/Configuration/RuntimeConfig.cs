namespace OrleansNetOps.Silo.Configuration;

/// <summary>The <c>runtime</c> section: grain runtime and host tunables.</summary>
public sealed record RuntimeConfig
{
    /// <summary>How long a grain call may take before it fails.</summary>
    public int ResponseTimeoutSeconds { get; init; } = 30;

    /// <summary>An activation idle this long is deactivated.</summary>
    public int CollectionAgeMinutes { get; init; } = 15;

    /// <summary>How often idle activations are looked for.</summary>
    public int CollectionQuantumSeconds { get; init; } = 60;

    /// <summary>How long a grain's deactivation may take before it is abandoned.</summary>
    public int DeactivationTimeoutSeconds { get; init; } = 30;

    /// <summary>How long a graceful shutdown (HTTP drain, then grain deactivation) may take in total.</summary>
    public int ShutdownTimeoutSeconds { get; init; } = 30;
}
