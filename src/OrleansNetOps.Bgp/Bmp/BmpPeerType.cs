namespace OrleansNetOps.Bgp.Bmp;

/// <summary>Per-peer header peer types.</summary>
public enum BmpPeerType : byte
{
    /// <summary>Global instance peer.</summary>
    Global = 0,

    /// <summary>RD instance (VRF) peer.</summary>
    RdInstance = 1,

    /// <summary>Local instance peer.</summary>
    Local = 2,

    /// <summary>Loc-RIB instance (RFC 9069).</summary>
    LocRib = 3,
}
