using System.Collections.Immutable;
using OrleansNetOps.Analytics.Anomaly;

namespace OrleansNetOps.Analytics.Multivariate;

/// <summary>
/// The persisted form of a <see cref="RouterFeatureScorer"/>: the recent vectors (the model is retrained from them on
/// restore, with the same seed, so it is the same model) and the calibration.
/// </summary>
/// <param name="Samples">Recent vectors, oldest first.</param>
/// <param name="SinceTraining">Vectors added since the model was trained, or null before the first model.</param>
/// <param name="Calibration">The learned distribution of the model's scores on vectors it was not trained on.</param>
/// <param name="InEpisode">Whether an anomalous episode is open.</param>
/// <param name="QuietRun">Consecutive quiet vectors in the open episode.</param>
/// <param name="HighRun">Consecutive vectors at the raise level so far (see <see cref="MultivariateOptions.Persistence"/>).</param>
public sealed record RouterFeatureScorerState(
    ImmutableArray<FeatureSample> Samples,
    int? SinceTraining,
    TailModelState? Calibration,
    bool InEpisode,
    int QuietRun,
    int HighRun = 0);
