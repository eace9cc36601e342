namespace OrleansNetOps.Grains.Network;

/// <summary>Where what we know of a router comes from (API <c>source</c>).</summary>
[GenerateSerializer]
public enum RouterSource
{
    /// <summary>Only its configuration (topology.yaml); nothing heard from it yet.</summary>
    Config,

    /// <summary>A real router over BMP.</summary>
    Bmp,

    /// <summary>The built-in simulated network.</summary>
    Simulated,
}
