namespace OrleansNetOps.Telemetry.Flows;

/// <summary>What a <see cref="FlowVolume"/> is keyed by.</summary>
public enum FlowVolumeKind
{
    /// <summary>Source address prefix.</summary>
    SourcePrefix,
    /// <summary>Destination address prefix.</summary>
    DestinationPrefix,
    /// <summary>Exporter and ingress ifIndex.</summary>
    InputInterface,
    /// <summary>Exporter and egress ifIndex.</summary>
    OutputInterface,
    /// <summary>BGP source AS.</summary>
    SourceAs,
    /// <summary>BGP destination AS.</summary>
    DestinationAs,
}
