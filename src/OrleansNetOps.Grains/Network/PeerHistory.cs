namespace OrleansNetOps.Grains.Network;

/// <summary>What survives of a session across restarts: its flaps and why it last went down.</summary>
public sealed class PeerHistory
{
    /// <summary>Times it went down after being established.</summary>
    public int FlapCount { get; set; }

    /// <summary>Reason of the last down.</summary>
    public string? LastDownReason { get; set; }

    /// <summary>When it last went down.</summary>
    public DateTimeOffset? LastDownAt { get; set; }

    /// <summary>When it last came up.</summary>
    public DateTimeOffset? LastUpAt { get; set; }

    /// <summary>Damping-style penalty: +1000 per flap, halving every 15 minutes (RFC 2439 defaults).</summary>
    public double FlapPenalty { get; set; }

    /// <summary>When <see cref="FlapPenalty"/> was last brought up to date.</summary>
    public DateTimeOffset? PenaltyAt { get; set; }
}
