using System.Collections.Immutable;
using Orleans;

namespace OrleansNetOps.Analytics.Findings;

/// <summary>One fact a finding or a cause rests on.</summary>
/// <param name="At">When the fact was observed.</param>
/// <param name="Source">Where it came from: <c>bmp</c>, <c>syslog</c>, <c>trap</c>, <c>flow</c>, <c>metric</c>, <c>alert</c>, <c>mrt</c>, <c>twin</c>.</param>
/// <param name="Description">The fact, for a person (e.g. "Peer Down from 203.0.113.1: hold timer expired").</param>
[GenerateSerializer, Immutable]
public sealed record Evidence(DateTimeOffset At, string Source, string Description)
{
    /// <summary>Machine-readable details (values, thresholds, template ids), keyed by name.</summary>
    [field: Id(3)]
    public ImmutableSortedDictionary<string, string> Data { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
