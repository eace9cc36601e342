namespace OrleansNetOps.Bgp.Decision;

/// <summary>How a path's source relates to the local router; drives best-path steps and export rules.</summary>
public enum PeerType : byte
{
    /// <summary>A neighbour in another AS (eBGP).</summary>
    External,

    /// <summary>A neighbour in the same AS (iBGP).</summary>
    Internal,

    /// <summary>
    /// A neighbour in another member AS of the same confederation. FRR ranks it with iBGP at the
    /// "Peer Type" step and only prefers it over iBGP after the IGP metric ("Confed Peer Type").
    /// </summary>
    ConfederationExternal,

    /// <summary>The router itself: <c>network</c>, <c>aggregate-address</c> or <c>redistribute</c>.</summary>
    Local,
}
