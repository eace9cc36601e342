namespace OrleansNetOps.Bgp.Bmp;

/// <summary>
/// Per-peer header flags. For Loc-RIB peers (RFC 9069) the top bit means "filtered" (F) instead of
/// IPv6; read it through <see cref="BmpPeerHeader.IsLocRibFiltered"/> rather than this enum.
/// </summary>
[Flags]
public enum BmpPeerFlags : byte
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>O: Adj-RIB-Out rather than Adj-RIB-In (RFC 8671).</summary>
    AdjRibOut = 0x10,

    /// <summary>A: AS_PATH uses the legacy 2-octet format.</summary>
    LegacyAsPath = 0x20,

    /// <summary>L: post-policy rather than pre-policy.</summary>
    PostPolicy = 0x40,

    /// <summary>V: the peer address is IPv6.</summary>
    IPv6 = 0x80,
}
