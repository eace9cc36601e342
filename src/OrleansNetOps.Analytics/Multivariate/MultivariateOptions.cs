using OrleansNetOps.Analytics.Anomaly;

namespace OrleansNetOps.Analytics.Multivariate;

/// <summary>How a <see cref="RouterFeatureScorer"/> learns and scores.</summary>
public sealed record MultivariateOptions
{
    /// <summary>The features, in the order vectors come in.</summary>
    public RouterFeatureSchema Schema { get; init; } = RouterFeatureSchema.Default;

    /// <summary>Principal components kept: the normal way the features move together.</summary>
    public int Rank { get; init; } = 3;

    /// <summary>Recent vectors kept for (re)training; the oldest fall out.</summary>
    public int Window { get; init; } = 1000;

    /// <summary>Share of the window held out of training to calibrate the model's scores on vectors it has not seen.</summary>
    public double HoldOut { get; init; } = 0.2;

    /// <summary>Vectors needed before the first model is trained (cold start: no score before).</summary>
    public int WarmUp { get; init; } = 300;

    /// <summary>New vectors after which the model is retrained.</summary>
    public int RetrainEvery { get; init; } = 288;

    /// <summary>Seed of the randomized PCA, so training is repeatable (and a restored scorer retrains the same model).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Standardised features are clipped at this many scales, so a feature that was constant cannot blow up the projection.</summary>
    public double Clip { get; init; } = 50;

    /// <summary>The floors: a finding is raised from <see cref="AnomalyFloors.AnomalyHigh"/>.</summary>
    public AnomalyFloors Floors { get; init; } = new();

    /// <summary>
    /// Consecutive vectors at the raise level before a finding is raised. A broken relation between features lasts;
    /// a lone vector in the tail is what eight noisy features give now and then (about one a day at one vector a minute,
    /// with one point).
    /// </summary>
    public int Persistence { get; init; } = 3;

    /// <summary>Consecutive points below the raise level that end an episode.</summary>
    public int QuietPoints { get; init; } = 12;
}
