namespace OrleansNetOps.Analytics.Bgp;

/// <summary>How one AS stands toward another, read from the first AS's side.</summary>
public enum AsRelationship
{
    /// <summary>Nothing known.</summary>
    Unknown,

    /// <summary>The first AS buys transit from the second.</summary>
    CustomerOf,

    /// <summary>The first AS sells transit to the second.</summary>
    ProviderOf,

    /// <summary>Settlement-free peers: each gives the other its customers' routes only.</summary>
    PeerOf,
}
