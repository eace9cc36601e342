namespace OrleansNetOps.Silo.Configuration;

/// <summary>The <c>network</c> section.</summary>
public sealed record NetworkConfig
{
    /// <summary>Whether the silo drives the built-in simulated network instead of real routers.</summary>
    public bool Simulated { get; init; } = true;
}
