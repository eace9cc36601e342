using System.Collections.Immutable;
using OrleansNetOps.Analytics.Baselines;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>The persisted form of a <see cref="SeriesAnomalyScorer"/>: plain values, serialisable as JSON.</summary>
/// <param name="Baseline">The learned baseline.</param>
/// <param name="Spectral">The spectral-residual window.</param>
/// <param name="SpectralModel">The model whose residuals fill the spectral window.</param>
/// <param name="ResidualTails">Learned distribution of each model's residuals (level, daily, weekly).</param>
/// <param name="ShiftTails">Learned distribution of each model's sustained shift.</param>
/// <param name="SpectralTail">Learned distribution of the spectral saliency.</param>
/// <param name="Shifts">Each model's current sustained-shift average.</param>
/// <param name="InEpisode">Whether an anomalous episode is open.</param>
/// <param name="QuietRun">Consecutive quiet points in the open episode.</param>
public sealed record SeriesAnomalyScorerState(
    SeriesBaselineState Baseline,
    SpectralWindowState Spectral,
    Seasonality SpectralModel,
    ImmutableArray<TailModelState> ResidualTails,
    ImmutableArray<TailModelState> ShiftTails,
    TailModelState SpectralTail,
    ImmutableArray<double> Shifts,
    bool InEpisode,
    int QuietRun);
