namespace OrleansNetOps.Grains.Network;

/// <summary>What survives of a session across restarts: its flaps and why it last went down.</summary>
[GenerateSerializer]
public sealed class PeerHistory
{
    /// <summary>Times it went down after being established.</summary>
    [Id(0)]
    public int FlapCount { get; set; }

    /// <summary>Reason of the last down.</summary>
    [Id(1)]
    public string? LastDownReason { get; set; }

    /// <summary>When it last went down.</summary>
    [Id(2)]
    public DateTimeOffset? LastDownAt { get; set; }

    /// <summary>When it last came up.</summary>
    [Id(3)]
    public DateTimeOffset? LastUpAt { get; set; }

    /// <summary>The RFC 2439 penalty as of <see cref="PenaltyAt"/> (the Analytics library's <c>SessionFlapDetector</c> computes it).</summary>
    [Id(4)]
    public double FlapPenalty { get; set; }

    /// <summary>When <see cref="FlapPenalty"/> was last brought up to date.</summary>
    [Id(5)]
    public DateTimeOffset? PenaltyAt { get; set; }

    /// <summary>Whether the penalty crossed the suppress limit and has not yet decayed below the reuse limit.</summary>
    [Id(6)]
    public bool Suppressed { get; set; }

    /// <summary>The session's state after the last change, lower-case API name; null in histories stored before it was kept.</summary>
    [Id(7)]
    public string? State { get; set; }
}
