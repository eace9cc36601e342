using System.Collections.Immutable;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Multivariate;

/// <summary>The verdict on one router feature vector.</summary>
/// <param name="At">The vector's time.</param>
/// <param name="Score">Anomaly score in [0, 1] on the anomaly scale (0 during cold start).</param>
/// <param name="SquaredError">The vector's squared distance from the learned principal subspace (standardised units), or null before the first model.</param>
/// <param name="Raised">True at the vector that opens an anomalous episode: the <see cref="MultivariateOptions.Persistence"/>-th in a row at the raise level.</param>
/// <param name="Contributions">Features by share of the reconstruction error, largest first (empty before the first model).</param>
/// <param name="Finding">The <c>metric-anomaly</c> finding raised, if any.</param>
public sealed record RouterFeatureVerdict(
    DateTimeOffset At,
    double Score,
    double? SquaredError,
    bool Raised,
    ImmutableArray<FeatureContribution> Contributions,
    Finding? Finding);
