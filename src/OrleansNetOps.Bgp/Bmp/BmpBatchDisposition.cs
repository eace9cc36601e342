using Orleans;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>
/// How a router treated a batch. A router that streams BMP to several collectors at once (FRR with several
/// <c>bmp connect</c> targets) has one session the router grain follows (the primary) and standbys it ignores; when
/// the primary is gone, a standby whose earlier messages were not applied must start over, so that the router
/// re-sends its whole state on a fresh connection (BMP's own recovery).
/// </summary>
[GenerateSerializer]
public enum BmpBatchDisposition
{
    /// <summary>Decoded and applied: the session is the router's primary.</summary>
    Applied,

    /// <summary>Another session is the primary; nothing was applied.</summary>
    Standby,

    /// <summary>The primary is gone and this session's earlier messages were never applied: close it to start over.</summary>
    Resync,
}
