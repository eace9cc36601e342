namespace OrleansNetOps.Bgp.Policy;

/// <summary>Catalogue actions that change sessions rather than policy.</summary>
public enum SessionEditKind : byte
{
    /// <summary>No change (<c>NO_ACTION</c>).</summary>
    None,

    /// <summary>Bring the session up (<c>PEER_ACTIVATE</c>: <c>no neighbor X shutdown</c>).</summary>
    Activate,

    /// <summary>Take the session down (<c>PEER_DEACTIVATE</c>: <c>neighbor X shutdown</c>).</summary>
    Deactivate,

    /// <summary>Remove the neighbour (<c>DEPEER</c>).</summary>
    Remove,

    /// <summary>Move traffic off an ISP's sessions (<c>ISP_FAILOVER</c>).</summary>
    Failover,

    /// <summary>Recompute everything after a broad change (<c>FULL_REROUTE</c>).</summary>
    FullReroute,
}
