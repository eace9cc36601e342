namespace OrleansNetOps.Telemetry.Flows;

/// <summary>What a top-talkers query groups traffic by.</summary>
public enum FlowTopKey
{
    /// <summary>Destination prefix: the traffic towards each prefix, which is what utilisation prediction needs.</summary>
    Prefix,
    /// <summary>Exporter and ingress interface.</summary>
    Interface,
    /// <summary>BGP source AS.</summary>
    SrcAs,
    /// <summary>BGP destination AS.</summary>
    DstAs,
}
