using OrleansNetOps.Bgp.Monitoring;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// What is remembered about one session between changes: its state, its damping penalty and its last transitions.
/// Plain data, so a peer grain can persist it as JSON and hand it back after a restart.
/// </summary>
/// <param name="Router">The router holding the session.</param>
/// <param name="Neighbor">The neighbour's address.</param>
public sealed record SessionHistory(string Router, string Neighbor)
{
    /// <summary>Current state.</summary>
    public SessionState State { get; init; } = SessionState.Idle;

    /// <summary>The RFC 2439 penalty as of its last update (decay it to now before reading it).</summary>
    public DampingPenalty Penalty { get; init; }

    /// <summary>How many times the session left Established.</summary>
    public int FlapCount { get; init; }

    /// <summary>When it last became Established.</summary>
    public DateTimeOffset? LastUpAt { get; init; }

    /// <summary>When it last left Established.</summary>
    public DateTimeOffset? LastDownAt { get; init; }

    /// <summary>Why it last went down.</summary>
    public string? LastDownReason { get; init; }
}
