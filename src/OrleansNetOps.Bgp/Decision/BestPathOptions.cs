namespace OrleansNetOps.Bgp.Decision;

/// <summary>The <c>bgp bestpath ...</c> and related knobs of FRR 8.4 that change the decision process.</summary>
public sealed record BestPathOptions
{
    /// <summary>FRR's defaults (traditional profile).</summary>
    public static BestPathOptions Default { get; } = new();

    /// <summary><c>bgp default local-preference</c>: the LOCAL_PREF of a path that has none.</summary>
    public uint DefaultLocalPref { get; init; } = 100;

    /// <summary><c>bgp bestpath as-path ignore</c>.</summary>
    public bool AsPathIgnore { get; init; }

    /// <summary><c>bgp bestpath as-path confed</c>: confederation segments count towards length.</summary>
    public bool AsPathConfed { get; init; }

    /// <summary><c>bgp always-compare-med</c>.</summary>
    public bool AlwaysCompareMed { get; init; }

    /// <summary><c>bgp bestpath med missing-as-worst</c>: an absent MED counts as 4294967295 instead of 0.</summary>
    public bool MedMissingAsWorst { get; init; }

    /// <summary>
    /// <c>bgp deterministic-med</c>: pick the best of each neighbouring-AS group first, then compare the group
    /// winners. Off in FRR's traditional profile; the result is then the pairwise walk over the path list
    /// (newest first), which this model reproduces from <see cref="CandidatePath.ReceivedOrder"/>.
    /// </summary>
    public bool DeterministicMed { get; init; }

    /// <summary>
    /// <c>bgp bestpath compare-routerid</c>. Off by default, in which case two eBGP paths that tie down to
    /// the IGP metric are decided by age ("Older Path") before the router-id.
    /// </summary>
    public bool CompareRouterId { get; init; }
}
