namespace OrleansNetOps.Analytics.Forecasting;

/// <summary>How a forecaster did on a series: every point below the threshold with a full horizon of data after it was a forecast origin.</summary>
/// <param name="Origins">Forecasts checked.</param>
/// <param name="Events">Origins after which the series did reach the threshold within the horizon.</param>
/// <param name="EventsCovered">Events whose actual time to threshold fell inside the forecast's interval.</param>
/// <param name="NonEventsCovered">Non-events whose interval ran past the horizon (so "not within the horizon" was inside it).</param>
/// <param name="EventsPredicted">Events for which the forecast gave an ETA (a median time within the horizon).</param>
/// <param name="FalseEtas">Non-events for which the forecast gave an ETA anyway.</param>
/// <param name="MedianEtaError">Median |ETA − actual| over predicted events, minutes.</param>
/// <param name="MeanEtaError">Mean |ETA − actual| over predicted events, minutes.</param>
/// <param name="NaiveEventsPredicted">Events for which a straight line through the last 30 minutes gave an ETA within the horizon.</param>
/// <param name="NaiveMedianEtaError">Its median |ETA − actual|, minutes.</param>
/// <param name="CommonEvents">Events both predicted.</param>
/// <param name="CommonMedianEtaError">Median |ETA − actual| of the forecaster over the common events, minutes.</param>
/// <param name="CommonNaiveMedianEtaError">Median |ETA − actual| of the straight line over the common events, minutes.</param>
/// <param name="Brier">Mean squared difference between the confidence and the outcome (1 reached, 0 not).</param>
/// <param name="MeanConfidence">Mean confidence over the origins (compare with the share of events).</param>
public sealed record ForecastBacktestResult(
    int Origins,
    int Events,
    int EventsCovered,
    int NonEventsCovered,
    int EventsPredicted,
    int FalseEtas,
    double MedianEtaError,
    double MeanEtaError,
    int NaiveEventsPredicted,
    double NaiveMedianEtaError,
    int CommonEvents,
    double CommonMedianEtaError,
    double CommonNaiveMedianEtaError,
    double Brier,
    double MeanConfidence)
{
    /// <summary>Share of origins inside the interval, events and non-events alike: the interval's coverage.</summary>
    public double Coverage => Origins == 0 ? double.NaN : (double)(EventsCovered + NonEventsCovered) / Origins;

    /// <summary>Share of events inside the interval (conditional on the threshold being reached, which the forecast could not know).</summary>
    public double EventCoverage => Events == 0 ? double.NaN : (double)EventsCovered / Events;

    /// <summary>Share of origins after which the threshold was reached within the horizon.</summary>
    public double EventRate => Origins == 0 ? double.NaN : (double)Events / Origins;
}
