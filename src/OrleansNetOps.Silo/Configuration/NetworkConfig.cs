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

    /// <summary>
    /// The closed-loop demo on the simulated network: the utilisation toward one ISP ramps toward congestion, and the
    /// domain starts in autonomy phase semi (T1 changes apply, T2/T3 wait for approval). Off unless configured.
    /// </summary>
    public bool Demo { get; init; }

    /// <summary>Seconds between the demo's traffic samples (flows, utilisation, probes); each step the demand grows 2.5 points.</summary>
    public int DemoStepSeconds { get; init; } = 10;
}
