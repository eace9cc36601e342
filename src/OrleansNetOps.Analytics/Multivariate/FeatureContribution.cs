namespace OrleansNetOps.Analytics.Multivariate;

/// <summary>How much one feature accounts for a vector's distance from the learned normal subspace.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="Value">Its value.</param>
/// <param name="Expected">What the model reconstructs for it from the other features' joint pattern (in the feature's units).</param>
/// <param name="Share">Its share of the squared reconstruction error, in [0, 1].</param>
public sealed record FeatureContribution(string Feature, double Value, double Expected, double Share);
