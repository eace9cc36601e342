namespace OrleansNetOps.Bgp.Policy;

/// <summary>Which side of a session a policy applies to.</summary>
public enum PolicyDirection : byte
{
    /// <summary>Inbound (import).</summary>
    In,

    /// <summary>Outbound (export).</summary>
    Out,
}
