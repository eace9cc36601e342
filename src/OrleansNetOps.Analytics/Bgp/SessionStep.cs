using System.Collections.Immutable;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>The outcome of one session change: the history to keep and the findings it raised.</summary>
/// <param name="History">The session's history after the change.</param>
/// <param name="Findings">A <see cref="FindingKind.SessionDown"/> when it left Established, and a <see cref="FindingKind.SessionFlap"/> when that flap pushed the penalty over the suppress limit.</param>
public sealed record SessionStep(SessionHistory History, ImmutableArray<Finding> Findings);
