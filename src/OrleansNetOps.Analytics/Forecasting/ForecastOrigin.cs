using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Forecasting;

/// <summary>
/// A past moment the forecaster forecast from, and how the series then did against that forecast: per horizon
/// segment, the highest value seen in it minus the forecast for the segment's end (null where no point fell in it).
/// </summary>
/// <param name="Seconds">Unix time of the origin, in seconds.</param>
/// <param name="Level">The deseasonalised level then.</param>
/// <param name="Trend">The trend then, per second.</param>
/// <param name="Excess">Per horizon segment: the segment's highest value minus the forecast.</param>
public sealed record ForecastOrigin(double Seconds, double Level, double Trend, ImmutableArray<double?> Excess);
