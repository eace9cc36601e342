namespace OrleansNetOps.Telemetry.Flows;

/// <summary>How <see cref="FlowAggregator"/> buckets flows.</summary>
public sealed record FlowAggregatorOptions
{
    /// <summary>Window size; windows are aligned to multiples of it since the UNIX epoch.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>IPv4 prefix length used when no table is given (or the table has no match).</summary>
    public int IPv4PrefixLength { get; init; } = 24;

    /// <summary>IPv6 prefix length used when no table is given (or the table has no match).</summary>
    public int IPv6PrefixLength { get; init; } = 48;

    /// <summary>Optional longest-prefix-match table (e.g. the RIB) that decides each address's prefix.</summary>
    public PrefixTable? Prefixes { get; init; }

    /// <summary>Multiply counts by the record's sampling interval to estimate real traffic.</summary>
    public bool ScaleBySampling { get; init; } = true;
}
