using OrleansNetOps.Analytics.Anomaly;

namespace OrleansNetOps.Analytics.Forecasting;

/// <summary>
/// Replays a series through a <see cref="UtilisationForecaster"/> and compares every forecast with what the series then
/// did: was the threshold reached within the horizon, when, and was that inside the interval. Beside it, the ETA of a
/// straight line through the last 30 minutes (the seed's kind of forecast), for comparison.
/// </summary>
public static class ForecastBacktest
{
    private static readonly TimeSpan NaiveWindow = TimeSpan.FromMinutes(30);

    /// <summary>Runs the backtest.</summary>
    /// <param name="points">The series, in time order.</param>
    /// <param name="threshold">The level forecast.</param>
    /// <param name="options">The forecaster's options (its horizon is the backtest's).</param>
    public static ForecastBacktestResult Run(IReadOnlyList<(DateTimeOffset At, double Value)> points, double threshold, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        var forecaster = new UtilisationForecaster(new MetricSeries("backtest", "series", MetricKind.UtilisationPercent), options, threshold);
        var horizon = options.Horizon;
        var last = points.Count == 0 ? DateTimeOffset.MinValue : points[^1].At;
        int origins = 0, events = 0, eventsCovered = 0, nonEventsCovered = 0, eventsPredicted = 0, falseEtas = 0, naivePredicted = 0;
        var errors = new List<double>();
        var naiveErrors = new List<double>();
        var commonErrors = new List<double>();
        var commonNaiveErrors = new List<double>();
        double brier = 0, confidence = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var forecast = forecaster.Observe(points[i].At, points[i].Value).Forecast;
            if (forecast is null || points[i].Value >= threshold || points[i].At + horizon > last)
            {
                continue;
            }

            origins++;
            var actual = FirstCrossing(points, i, threshold, horizon);
            var outcome = actual is null ? 0.0 : 1.0;
            brier += (forecast.Confidence - outcome) * (forecast.Confidence - outcome);
            confidence += forecast.Confidence;
            if (actual is { } minutes)
            {
                events++;
                if (forecast.Low is { } low && low <= minutes && (forecast.High is not { } high || minutes <= high))
                {
                    eventsCovered++;
                }

                if (forecast.EtaMinutes is { } eta)
                {
                    eventsPredicted++;
                    errors.Add(Math.Abs(eta - minutes));
                }

                if (NaiveEta(points, i, threshold, horizon) is { } naive)
                {
                    naivePredicted++;
                    naiveErrors.Add(Math.Abs(naive - minutes));
                    if (forecast.EtaMinutes is { } both)
                    {
                        commonErrors.Add(Math.Abs(both - minutes));
                        commonNaiveErrors.Add(Math.Abs(naive - minutes));
                    }
                }
            }
            else
            {
                if (forecast.High is null)
                {
                    nonEventsCovered++;
                }

                if (forecast.EtaMinutes is not null)
                {
                    falseEtas++;
                }
            }
        }

        return new ForecastBacktestResult(
            origins,
            events,
            eventsCovered,
            nonEventsCovered,
            eventsPredicted,
            falseEtas,
            Median(errors),
            errors.Count == 0 ? double.NaN : errors.Average(),
            naivePredicted,
            Median(naiveErrors),
            commonErrors.Count,
            Median(commonErrors),
            Median(commonNaiveErrors),
            origins == 0 ? double.NaN : brier / origins,
            origins == 0 ? double.NaN : confidence / origins);
    }

    private static double? FirstCrossing(IReadOnlyList<(DateTimeOffset At, double Value)> points, int from, double threshold, TimeSpan horizon)
    {
        for (var j = from + 1; j < points.Count && points[j].At - points[from].At <= horizon; j++)
        {
            if (points[j].Value >= threshold)
            {
                return (points[j].At - points[from].At).TotalMinutes;
            }
        }

        return null;
    }

    // Least-squares line through the last 30 minutes, extended to the threshold.
    private static double? NaiveEta(IReadOnlyList<(DateTimeOffset At, double Value)> points, int at, double threshold, TimeSpan horizon)
    {
        double n = 0, sumT = 0, sumV = 0, sumTT = 0, sumTV = 0;
        for (var j = at; j >= 0 && points[at].At - points[j].At <= NaiveWindow; j--)
        {
            var t = (points[j].At - points[at].At).TotalMinutes;
            n++;
            sumT += t;
            sumV += points[j].Value;
            sumTT += t * t;
            sumTV += t * points[j].Value;
        }

        var denominator = (n * sumTT) - (sumT * sumT);
        if (n < 2 || denominator <= 0)
        {
            return null;
        }

        var slope = ((n * sumTV) - (sumT * sumV)) / denominator;
        var intercept = (sumV - (slope * sumT)) / n;
        if (slope <= 0)
        {
            return null;
        }

        var eta = (threshold - intercept) / slope;
        return eta >= 0 && eta <= horizon.TotalMinutes ? eta : null;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
