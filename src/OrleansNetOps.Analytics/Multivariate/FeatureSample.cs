using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Multivariate;

/// <summary>One router feature vector as observed.</summary>
/// <param name="Seconds">Unix time, in seconds.</param>
/// <param name="Values">The raw values, in schema order.</param>
public sealed record FeatureSample(double Seconds, ImmutableArray<double> Values);
