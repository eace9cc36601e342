using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Verification;

/// <summary>What the verifier made of one path.</summary>
/// <param name="Path">The path's name.</param>
/// <param name="Before">The aggregate of the samples before (median latency, mean loss); null when too few.</param>
/// <param name="After">The aggregate of the samples after; null when too few.</param>
/// <param name="Judged">False when either side had fewer samples than the rules ask for: the path says nothing.</param>
/// <param name="Reasons">Each rule that fired for this path, or why it was not judged.</param>
public sealed record PathJudgement(string Path, SlaSample? Before, SlaSample? After, bool Judged, ImmutableArray<string> Reasons);
