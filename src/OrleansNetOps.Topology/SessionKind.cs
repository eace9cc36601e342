namespace OrleansNetOps.Topology;

/// <summary>The kind of BGP session a link carries.</summary>
public enum SessionKind
{
    /// <summary>Between different ASes.</summary>
    Ebgp,

    /// <summary>Inside one AS.</summary>
    Ibgp,
}
