namespace OrleansNetOps.Analytics.Baselines;

/// <summary>What a baseline expects of the next point of its series.</summary>
/// <param name="Mean">The expected value (robust centre).</param>
/// <param name="Scale">The typical absolute deviation around it (robust scale).</param>
/// <param name="Seasonality">Which model gave it.</param>
/// <param name="Warm">False during cold start: the expectation must not raise anything.</param>
public sealed record BaselineExpectation(double Mean, double Scale, Seasonality Seasonality, bool Warm);
