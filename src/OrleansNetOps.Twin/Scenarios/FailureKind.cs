namespace OrleansNetOps.Twin.Scenarios;

/// <summary>Kinds of generated failure.</summary>
public enum FailureKind
{
    /// <summary>A link (fibre) cut.</summary>
    LinkCut,

    /// <summary>A BGP session closed by the far end (a NOTIFICATION: noticed at once, the link stays up).</summary>
    PeerLoss,

    /// <summary>An ISP stops announcing one of its prefixes.</summary>
    PrefixWithdrawal,

    /// <summary>An ISP re-announces another ISP's prefix as if it were transit for it.</summary>
    IspRouteLeak,

    /// <summary>One of our edges leaks its table to a provider.</summary>
    EdgeRouteLeak,
}
