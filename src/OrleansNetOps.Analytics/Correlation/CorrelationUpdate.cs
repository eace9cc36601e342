using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Correlation;

/// <summary>What one finding (or the passing of time) changed.</summary>
/// <param name="Opened">New candidates.</param>
/// <param name="Updated">Candidates that took a new finding (their cause, severity or evidence may have moved).</param>
/// <param name="Folded">Candidates where the finding was a repeat of one they hold: counted, nothing new to tell anyone.</param>
/// <param name="Closed">Candidates whose window ended, or that were merged into another.</param>
public sealed record CorrelationUpdate(
    ImmutableArray<IncidentCandidate> Opened,
    ImmutableArray<IncidentCandidate> Updated,
    ImmutableArray<IncidentCandidate> Folded,
    ImmutableArray<IncidentCandidate> Closed)
{
    /// <summary>Nothing changed.</summary>
    public static CorrelationUpdate None { get; } = new([], [], [], []);
}
