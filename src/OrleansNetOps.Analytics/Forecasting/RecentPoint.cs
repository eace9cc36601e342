namespace OrleansNetOps.Analytics.Forecasting;

/// <summary>A deseasonalised point of the trend window.</summary>
/// <param name="Seconds">Unix time, in seconds.</param>
/// <param name="Value">The value minus the seasonal profile.</param>
public sealed record RecentPoint(double Seconds, double Value);
