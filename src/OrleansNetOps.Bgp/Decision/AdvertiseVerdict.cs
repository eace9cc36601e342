namespace OrleansNetOps.Bgp.Decision;

/// <summary>Whether the best path may be sent to a neighbour, and if not, which rule forbids it.</summary>
public enum AdvertiseVerdict : byte
{
    /// <summary>Send it.</summary>
    Advertise,

    /// <summary>The neighbour is the peer the path was learned from.</summary>
    SenderSplitHorizon,

    /// <summary>iBGP-learned from a non-client and the neighbour is a non-client iBGP peer (RFC 4271 9.2, RFC 4456 6).</summary>
    IbgpSplitHorizon,

    /// <summary>Client-to-client reflection is switched off.</summary>
    ClientToClientDisabled,

    /// <summary>The neighbour's router-id is the path's ORIGINATOR_ID: it would only reject it.</summary>
    OriginatorIsPeer,

    /// <summary>NO_ADVERTISE: to nobody.</summary>
    NoAdvertise,

    /// <summary>NO_EXPORT: not outside the AS or confederation.</summary>
    NoExport,

    /// <summary>NO_EXPORT_SUBCONFED: not to any external peer, confederation members included.</summary>
    NoExportSubconfed,
}
