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

    /// <summary>Damping-style penalty: +1000 per flap, halving every 15 minutes (RFC 2439 defaults).</summary>
    [Id(4)]
    public double FlapPenalty { get; set; }

    /// <summary>When <see cref="FlapPenalty"/> was last brought up to date.</summary>
    [Id(5)]
    public DateTimeOffset? PenaltyAt { get; set; }
}
