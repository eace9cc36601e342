using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Forecasting;

/// <summary>What a <see cref="UtilisationForecaster"/> made of one point.</summary>
/// <param name="Forecast">The forecast after the point, or null during cold start.</param>
/// <param name="Finding">A <c>congestion-forecast</c> finding when this point opened a congestion episode.</param>
public sealed record ForecastVerdict(ThresholdForecast? Forecast, Finding? Finding);
