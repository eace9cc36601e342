namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>The persisted form of a <see cref="SeriesAnalyst"/>: plain values, serialisable as JSON.</summary>
/// <param name="Scorer">The anomaly scorer.</param>
/// <param name="Breaching">Whether the series is above its fixed floor (a breach was raised and not yet cleared).</param>
public sealed record SeriesAnalystState(SeriesAnomalyScorerState Scorer, bool Breaching);
