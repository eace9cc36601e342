namespace OrleansNetOps.Silo.Configuration;

/// <summary>The <c>network</c> section.</summary>
public sealed record NetworkConfig
{
    /// <summary>Whether the silo drives the built-in simulated network instead of real routers.</summary>
    public bool Simulated { get; init; } = true;

    /// <summary>
    /// The topology file; a relative path is taken from the configuration file's folder. When unset,
    /// <c>topology.yaml</c> beside the configuration file, else the seed topology built into the executable.
    /// </summary>
    public string? TopologyFile { get; init; }

    /// <summary>Seconds between the simulated network's events (fibre cut, repair, withdrawal, re-announcement).</summary>
    public int SimulationStepSeconds { get; init; } = 30;
}
