using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>What <see cref="PathQualityMonitor"/> keeps per router and ISP: the window's samples and what it learned. Plain data for persistence.</summary>
/// <param name="Router">The probing router.</param>
/// <param name="Isp">The ISP.</param>
public sealed record PathQualityState(string Router, string Isp)
{
    /// <summary>Probe samples in the window, oldest first.</summary>
    public ImmutableArray<ProbeSample> Samples { get; init; } = [];

    /// <summary>Churn counts in the window, oldest first.</summary>
    public ImmutableArray<ChurnSample> Churn { get; init; } = [];

    /// <summary>Latency learned from healthy windows; null until one was seen.</summary>
    public double? TypicalLatencyMs { get; init; }

    /// <summary>True from a degradation finding until the score recovers.</summary>
    public bool Degraded { get; init; }
}
