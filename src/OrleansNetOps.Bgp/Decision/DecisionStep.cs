namespace OrleansNetOps.Bgp.Decision;

/// <summary>
/// The step of the decision process that separated two paths, in FRR's order. <see cref="BestPathSelector.Describe"/>
/// gives FRR's wording (as in <c>show bgp ... json</c> <c>selectionReason</c>).
/// </summary>
public enum DecisionStep : byte
{
    /// <summary>No candidates.</summary>
    None,

    /// <summary>Only one candidate.</summary>
    OnlyPath,

    /// <summary>Higher weight.</summary>
    Weight,

    /// <summary>Higher LOCAL_PREF (absent counts as the default, 100).</summary>
    LocalPref,

    /// <summary>Locally originated (network, aggregate, redistribute) over learned.</summary>
    LocalRoute,

    /// <summary>Shorter AS_PATH.</summary>
    AsPath,

    /// <summary>Shorter AS_PATH counting confederation segments (<c>bgp bestpath as-path confed</c>).</summary>
    ConfederationAsPath,

    /// <summary>Lower ORIGIN.</summary>
    Origin,

    /// <summary>Lower MED, when comparable.</summary>
    Med,

    /// <summary>eBGP over iBGP (confederation eBGP counts as iBGP here).</summary>
    PeerType,

    /// <summary>Lower IGP metric to the next hop.</summary>
    IgpMetric,

    /// <summary>Confederation eBGP over iBGP.</summary>
    ConfederationPeerType,

    /// <summary>Both eBGP: the older (already selected) path.</summary>
    OlderPath,

    /// <summary>Lower router-id (ORIGINATOR_ID when present).</summary>
    RouterId,

    /// <summary>Shorter CLUSTER_LIST.</summary>
    ClusterLength,

    /// <summary>A locally originated path loses the neighbour-address step (it has no remote address).</summary>
    LocallyConfigured,

    /// <summary>Lower neighbour address.</summary>
    NeighborAddress,

    /// <summary>Everything equal; our deterministic tie-break on path id then arrival order.</summary>
    NothingLeft,
}
