namespace OrleansNetOps.Bgp.Attributes;

/// <summary>A standard community (RFC 1997): 16-bit AS and 16-bit value.</summary>
/// <param name="Value">The 32-bit wire value.</param>
public readonly record struct Community(uint Value)
{
    /// <summary>NO_EXPORT (RFC 1997).</summary>
    public static Community NoExport => new(0xFFFFFF01);

    /// <summary>NO_ADVERTISE (RFC 1997).</summary>
    public static Community NoAdvertise => new(0xFFFFFF02);

    /// <summary>NO_EXPORT_SUBCONFED (RFC 1997).</summary>
    public static Community NoExportSubconfed => new(0xFFFFFF03);

    /// <summary>NOPEER (RFC 3765).</summary>
    public static Community NoPeer => new(0xFFFFFF04);

    /// <summary>BLACKHOLE (RFC 7999).</summary>
    public static Community Blackhole => new(0xFFFF029A);

    /// <summary>GRACEFUL_SHUTDOWN (RFC 8326).</summary>
    public static Community GracefulShutdown => new(0xFFFF0000);

    /// <summary>ACCEPT_OWN (RFC 7611).</summary>
    public static Community AcceptOwn => new(0xFFFF0001);

    /// <summary>LLGR_STALE (RFC 9494).</summary>
    public static Community LlgrStale => new(0xFFFF0006);

    /// <summary>NO_LLGR (RFC 9494).</summary>
    public static Community NoLlgr => new(0xFFFF0007);

    /// <summary>Creates <c>asn:local</c>.</summary>
    public Community(ushort asn, ushort local)
        : this(((uint)asn << 16) | local)
    {
    }

    /// <summary>High 16 bits, conventionally an AS number.</summary>
    public ushort Asn => (ushort)(Value >> 16);

    /// <summary>Low 16 bits.</summary>
    public ushort Local => (ushort)Value;

    /// <summary>The IANA name of a well-known community, or null.</summary>
    public string? WellKnownName => Value switch
    {
        0xFFFFFF01 => "NO_EXPORT",
        0xFFFFFF02 => "NO_ADVERTISE",
        0xFFFFFF03 => "NO_EXPORT_SUBCONFED",
        0xFFFFFF04 => "NOPEER",
        0xFFFF029A => "BLACKHOLE",
        0xFFFF0000 => "GRACEFUL_SHUTDOWN",
        0xFFFF0001 => "ACCEPT_OWN",
        0xFFFF0006 => "LLGR_STALE",
        0xFFFF0007 => "NO_LLGR",
        _ => null,
    };

    /// <summary>Numeric form <c>asn:local</c>.</summary>
    public override string ToString() => $"{Asn}:{Local}";
}
