namespace OrleansNetOps.Benchmarks.Storage;

/// <summary>A grain state of realistic size (about 1 KB of JSON) for the storage benchmarks.</summary>
public sealed record LinkState(
    string Router,
    string Interface,
    long CapacityBps,
    IReadOnlyList<LinkSample> Samples,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset UpdatedAt);

/// <summary>One utilisation sample of a <see cref="LinkState"/>.</summary>
public sealed record LinkSample(DateTimeOffset At, long InBps, long OutBps, double LossRatio);
