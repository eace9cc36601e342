namespace OrleansNetOps.Telemetry.Flows;

/// <summary>Flow export protocol a record arrived in.</summary>
public enum FlowProtocol
{
    /// <summary>Cisco NetFlow version 5 (fixed record layout).</summary>
    NetFlowV5 = 5,
    /// <summary>NetFlow version 9 (RFC 3954).</summary>
    NetFlowV9 = 9,
    /// <summary>IPFIX (RFC 7011).</summary>
    Ipfix = 10,
}
