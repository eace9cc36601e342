using Orleans;

namespace OrleansNetOps.Analytics.Forecasting;

/// <summary>
/// When a series is forecast to reach a threshold — the shape of <c>GET /api/v1/forecasts</c>: "ISP-A reaches 85 % in
/// ~23 min (80 %: 15–34 min)".
/// </summary>
/// <param name="Path">What is forecast: a link, an ISP or an interface path.</param>
/// <param name="HorizonMinutes">How far ahead the forecast looks.</param>
/// <param name="Threshold">The level, e.g. 85 (% utilisation).</param>
/// <param name="EtaMinutes">Most likely minutes until the threshold is reached (the median path); null when not within the horizon.</param>
/// <param name="Low">Earliest end of the interval (minutes); null when even the high path stays below within the horizon.</param>
/// <param name="High">Latest end of the interval (minutes); null when the low path stays below within the horizon (the interval runs past it).</param>
/// <param name="Confidence">Probability of reaching the threshold within the horizon, from past forecast errors.</param>
[GenerateSerializer, Immutable]
public sealed record ThresholdForecast(
    string Path,
    double HorizonMinutes,
    double Threshold,
    double? EtaMinutes,
    double? Low,
    double? High,
    double Confidence);
