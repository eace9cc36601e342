namespace OrleansNetOps.Silo.Configuration;

/// <summary>
/// The <c>cluster.membership</c> section: Orleans' failure detector, tuned for a NOC. A silo that stops answering is
/// declared dead after <see cref="MissedProbesLimit"/> probes of <see cref="ProbeTimeoutSeconds"/> (its grains come
/// back elsewhere right after), and a silo that stops writing its heartbeat for
/// <see cref="IAmAliveSeconds"/> × <see cref="MissedIAmAliveLimit"/> counts as gone when a restarted cluster re-forms.
/// </summary>
public sealed record MembershipConfig
{
    /// <summary>How long one liveness probe may take (Orleans' <c>ProbeTimeout</c>; default there 5 s).</summary>
    public double ProbeTimeoutSeconds { get; init; } = 1;

    /// <summary>
    /// The longest a probe may take when Orleans stretches the timeout for a slow network or a busy silo
    /// (<c>MaxProbeTimeout</c>; default there 4 × <see cref="ProbeTimeoutSeconds"/>). It bounds how long a dead silo
    /// can go unnoticed: about <see cref="MissedProbesLimit"/> × this.
    /// </summary>
    public double MaxProbeTimeoutSeconds { get; init; } = 2;

    /// <summary>Missed probes after which a silo is suspected (<c>NumMissedProbesLimit</c>; default there 3).</summary>
    public int MissedProbesLimit { get; init; } = 2;

    /// <summary>Suspicion votes that declare a silo dead (<c>NumVotesForDeathDeclaration</c>; at most half the live silos are asked for).</summary>
    public int VotesForDeath { get; init; } = 2;

    /// <summary>How often each silo writes its heartbeat to the membership table (<c>IAmAliveTablePublishTimeout</c>; default there 30 s).</summary>
    public double IAmAliveSeconds { get; init; } = 2;

    /// <summary>Missed heartbeats after which an entry counts as stale (<c>NumMissedTableIAmAliveLimit</c>; default there 2).</summary>
    public int MissedIAmAliveLimit { get; init; } = 3;

    /// <summary>How often each silo re-reads the membership table besides gossip (<c>TableRefreshTimeout</c>; default there 60 s).</summary>
    public double TableRefreshSeconds { get; init; } = 10;
}
