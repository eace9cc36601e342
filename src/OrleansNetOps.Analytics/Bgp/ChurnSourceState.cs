namespace OrleansNetOps.Analytics.Bgp;

/// <summary>The learned update rate of one source (a session, or a router as a whole) and its current bucket. Plain data for persistence.</summary>
/// <param name="Source">A session id (<c>R1|203.0.113.2</c>) or a router id (<c>R1</c>).</param>
/// <param name="Router">Our router, or null for a route collector's session.</param>
public sealed record ChurnSourceState(string Source, string? Router)
{
    /// <summary>Start of the bucket being counted.</summary>
    public DateTimeOffset BucketStart { get; init; }

    /// <summary>Announcements in the current bucket.</summary>
    public int Announcements { get; init; }

    /// <summary>Withdrawals in the current bucket.</summary>
    public int Withdrawals { get; init; }

    /// <summary>Learned mean of prefix updates per bucket.</summary>
    public double Mean { get; init; }

    /// <summary>Learned mean absolute deviation per bucket.</summary>
    public double Deviation { get; init; }

    /// <summary>Buckets learned so far.</summary>
    public int LearnedBuckets { get; init; }

    /// <summary>Until when the source's updates are a table transfer after a session came up.</summary>
    public DateTimeOffset? GraceUntil { get; init; }

    /// <summary>Start of the storm under way, if any.</summary>
    public DateTimeOffset? StormSince { get; init; }

    /// <summary>Buckets the storm under way has lasted.</summary>
    public int StormBuckets { get; init; }

    /// <summary>Consecutive calm buckets since the storm under way was last stormy.</summary>
    public int CalmBuckets { get; init; }

    /// <summary>Prefix updates in the current bucket.</summary>
    public int Count => Announcements + Withdrawals;
}
