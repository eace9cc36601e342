namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>
/// What a BMP exporter gets wrong, keyed by its Initiation sysDescr, so the rest of the system sees routes as
/// the router itself sees them. Each flag is backed by a test against the real implementation.
/// </summary>
/// <param name="Name">Which implementation.</param>
/// <param name="LocalAsPrependedForEbgpPeers">
/// Route Monitoring for an eBGP peer carries the AS path as the router would send it on, with its own AS in front
/// (FRR 8.x): the first AS is removed when it is the router's own.
/// </param>
/// <param name="PeerTimestampsUnreliable">Per-peer header timestamps are wrong: use arrival time (FRR 8.x).</param>
public sealed record BmpVendorQuirks(string Name, bool LocalAsPrependedForEbgpPeers, bool PeerTimestampsUnreliable)
{
    /// <summary>An exporter that follows RFC 7854.</summary>
    public static BmpVendorQuirks None { get; } = new("rfc7854", false, false);

    /// <summary>The quirks for a sysDescr.</summary>
    public static BmpVendorQuirks For(string? sysDescr)
    {
        if (sysDescr is null)
        {
            return None;
        }

        // FRR 8.x (seen: "FRRouting 8.4.4"). Fixed upstream later for the AS path; keep the flag per major version.
        if (sysDescr.StartsWith("FRRouting 8.", StringComparison.Ordinal) || sysDescr.StartsWith("FRRouting 7.", StringComparison.Ordinal))
        {
            return new BmpVendorQuirks("frr-8", LocalAsPrependedForEbgpPeers: true, PeerTimestampsUnreliable: true);
        }

        return None;
    }
}
