namespace OrleansNetOps.Bgp.Decision;

/// <summary>Whether a received path may enter the Adj-RIB-In as a candidate, and if not, which loop check rejected it.</summary>
public enum ReceiveVerdict : byte
{
    /// <summary>Acceptable.</summary>
    Accepted,

    /// <summary>Our AS (or confederation identifier) appears in AS_PATH more often than allowas-in permits.</summary>
    AsPathLoop,

    /// <summary>ORIGINATOR_ID is our own router-id (RFC 4456 section 8).</summary>
    OriginatorIsSelf,

    /// <summary>Our cluster id is already in CLUSTER_LIST (RFC 4456 section 8).</summary>
    ClusterLoop,
}
