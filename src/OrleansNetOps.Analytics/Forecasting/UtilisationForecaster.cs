using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Analytics.Anomaly;
using OrleansNetOps.Analytics.Baselines;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Forecasting;

/// <summary>
/// Forecasts when a utilisation series reaches a threshold. The path ahead is the learned seasonal profile (a link that
/// fills every morning is expected to fill tomorrow morning) plus the deseasonalised level and its recent trend (the
/// Theil–Sen slope of the last half hour, robust to spikes), damped so it is not run on for ever. The uncertainty is
/// empirical and about first passage, not about single points: the forecaster remembers, for past origins, how far above
/// its forecast the series went in each segment of the horizon; replaying those excess paths on today's forecast gives a
/// distribution of times to threshold, whose median is the ETA, whose central quantiles are the interval and whose
/// crossing share is the confidence. Online, bounded memory, time passed in.
/// </summary>
public sealed class UtilisationForecaster
{
    private const int ClearPoints = 12;

    private readonly ForecastOptions _options;
    private readonly double _threshold;
    private readonly SeriesBaseline _baseline;
    private readonly List<Origin> _pending = [];
    private readonly Queue<double[]> _completed = new();
    private readonly Queue<RecentPoint> _recent = new();
    private double[] _segmentEnds = [];
    private double? _level;
    private double _trend;
    private Seasonality _model;
    private double _lastSeconds = double.NaN;
    private double _lastValue = double.NaN;
    private double _nextOriginSeconds = double.NegativeInfinity;
    private bool _congested;
    private int _clearRun;

    /// <summary>A forecaster with no history.</summary>
    /// <param name="series">The series (its router and path name the forecast and its finding).</param>
    /// <param name="options">How to forecast.</param>
    /// <param name="threshold">The level that matters, e.g. 85 (% utilisation, the seed's floor).</param>
    public UtilisationForecaster(MetricSeries series, ForecastOptions options, double threshold)
        : this(series, options, threshold, new SeriesBaseline(options?.Baseline ?? throw new ArgumentNullException(nameof(options))))
    {
    }

    private UtilisationForecaster(MetricSeries series, ForecastOptions options, double threshold, SeriesBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Horizon, TimeSpan.Zero);
        if (!(options.Coverage is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Coverage, "coverage must be between 0 and 1");
        }

        Series = series;
        _options = options;
        _threshold = threshold;
        _baseline = baseline;
        if (baseline.IntervalSeconds is { } interval)
        {
            LayOut(interval);
        }
    }

    /// <summary>The series forecast.</summary>
    public MetricSeries Series { get; }

    /// <summary>Learns a point, then forecasts from it.</summary>
    public ForecastVerdict Observe(DateTimeOffset at, double value)
    {
        if (!double.IsFinite(value))
        {
            return new ForecastVerdict(Forecast(), null);
        }

        var seconds = at.ToUnixTimeMilliseconds() / 1000.0;
        Score(seconds, value);
        var scale = _baseline.Expect(at).Scale;
        _baseline.Observe(at, value);
        if (_segmentEnds.Length == 0 && _baseline.IntervalSeconds is { } learned)
        {
            LayOut(learned);
        }

        if (_baseline.Chosen != _model)
        {
            // The level is fitted around the chosen model's profile: another profile, another level.
            _model = _baseline.Chosen;
            _level = null;
            _recent.Clear();
        }

        Fit(seconds, value - _baseline.Seasonal(at), scale);
        _lastSeconds = seconds;
        _lastValue = value;
        if (_segmentEnds.Length > 0 && seconds >= _nextOriginSeconds && _level is { } level)
        {
            _pending.Add(new Origin(seconds, level, _trend, [.. Enumerable.Repeat(double.NaN, _segmentEnds.Length)]));
            _nextOriginSeconds = seconds + OriginSpacing;
        }

        var forecast = Forecast();
        return new ForecastVerdict(forecast, Congestion(at, forecast));
    }

    /// <summary>The forecast from the last point for the configured threshold; null during cold start.</summary>
    public ThresholdForecast? Forecast() => Forecast(_threshold);

    /// <summary>The forecast from the last point for a threshold; null until enough past origins have completed.</summary>
    public ThresholdForecast? Forecast(double threshold)
    {
        if (_level is not { } level || _completed.Count < _options.OriginWarmUp || _baseline.IntervalSeconds is not { } interval)
        {
            return null;
        }

        var minutes = _options.Horizon.TotalMinutes;
        if (_lastValue >= threshold)
        {
            return new ThresholdForecast(Series.Path, minutes, threshold, 0, 0, 0, 1);
        }

        Span<double> expected = stackalloc double[_segmentEnds.Length];
        var origin = FromSeconds(_lastSeconds);
        for (var j = 0; j < expected.Length; j++)
        {
            expected[j] = Path(origin, level, _trend, _segmentEnds[j]);
        }

        // Each remembered excess path, laid on today's forecast, gives one possible time to threshold (a segment).
        var segments = new int[_completed.Count];
        var k = 0;
        foreach (var excess in _completed)
        {
            segments[k] = _segmentEnds.Length;
            for (var j = 0; j < expected.Length; j++)
            {
                if (!double.IsNaN(excess[j]) && expected[j] + excess[j] >= threshold)
                {
                    segments[k] = j;
                    break;
                }
            }

            k++;
        }

        Array.Sort(segments);
        var crossing = segments.Count(s => s < _segmentEnds.Length);
        var tail = (1 - _options.Coverage) / 2;
        var lowSegment = segments[(int)Math.Floor(tail * (segments.Length - 1))];
        var midSegment = segments[(int)Math.Round(0.5 * (segments.Length - 1))];
        var highSegment = segments[(int)Math.Ceiling((1 - tail) * (segments.Length - 1))];
        return new ThresholdForecast(
            Series.Path,
            minutes,
            threshold,
            midSegment < _segmentEnds.Length ? Typical(midSegment, interval) : null,
            lowSegment < _segmentEnds.Length ? Start(lowSegment) : null,
            highSegment < _segmentEnds.Length ? _segmentEnds[highSegment] / 60 : null,
            (double)crossing / segments.Length);
    }

    /// <summary>The forecaster as plain values, to persist.</summary>
    public UtilisationForecasterState ToState() => new(
        _baseline.ToState(),
        _level,
        _trend,
        _model,
        Nullable(_lastSeconds),
        Nullable(_lastValue),
        double.IsNegativeInfinity(_nextOriginSeconds) ? null : _nextOriginSeconds,
        [.. _recent],
        [.. _pending.Select(p => new ForecastOrigin(p.Seconds, p.Level, p.Trend, [.. p.Excess.Select(Nullable)]))],
        [.. _completed.Select(c => c.Select(Nullable).ToImmutableArray())],
        _congested,
        _clearRun);

    /// <summary>Restores a forecaster persisted with <see cref="ToState"/>.</summary>
    /// <exception cref="ArgumentException">The state does not fit these options.</exception>
    public static UtilisationForecaster FromState(MetricSeries series, ForecastOptions options, double threshold, UtilisationForecasterState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        var forecaster = new UtilisationForecaster(series, options, threshold, SeriesBaseline.FromState(options.Baseline, state.Baseline))
        {
            _level = state.Level,
            _trend = state.Trend,
            _model = state.Model,
            _lastSeconds = state.LastSeconds ?? double.NaN,
            _lastValue = state.LastValue ?? double.NaN,
            _nextOriginSeconds = state.NextOriginSeconds ?? double.NegativeInfinity,
            _congested = state.Congested,
            _clearRun = state.ClearRun,
        };
        var segments = forecaster._segmentEnds.Length;
        if (state.Pending.Any(p => p.Excess.Length != segments) || state.Completed.Any(c => c.Length != segments))
        {
            throw new ArgumentException($"the state's paths do not have the {segments} horizon segments these options lay out", nameof(state));
        }

        foreach (var point in state.Recent)
        {
            forecaster._recent.Enqueue(point);
        }

        forecaster._pending.AddRange(state.Pending.Select(p => new Origin(p.Seconds, p.Level, p.Trend, [.. p.Excess.Select(e => e ?? double.NaN)])));
        foreach (var path in state.Completed)
        {
            forecaster._completed.Enqueue([.. path.Select(e => e ?? double.NaN)]);
        }

        return forecaster;
    }

    private double OriginSpacing =>
        Math.Max(_baseline.IntervalSeconds ?? 0, _options.OriginSpan.TotalSeconds / _options.OriginMemory);

    // Segment ends: every step up to 12 steps, then about a quarter further each, up to the horizon.
    private void LayOut(double interval)
    {
        var horizonSteps = _options.Horizon.TotalSeconds / interval;
        var ends = new List<double>();
        for (double step = 1; step < horizonSteps; step = step < 12 ? step + 1 : Math.Round(step * 1.25))
        {
            ends.Add(step * interval);
        }

        ends.Add(_options.Horizon.TotalSeconds);
        _segmentEnds = [.. ends];
    }

    private void Score(double seconds, double value)
    {
        if (_pending.Count == 0 || _baseline.IntervalSeconds is not { } interval)
        {
            return;
        }

        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            var origin = _pending[i];
            var elapsed = seconds - origin.Seconds;
            if (elapsed > _options.Horizon.TotalSeconds + (interval / 2))
            {
                Complete(i);
                continue;
            }

            var segment = Array.FindIndex(_segmentEnds, end => elapsed <= end + (interval / 2));
            if (segment < 0)
            {
                continue;
            }

            var excess = value - Path(FromSeconds(origin.Seconds), origin.Level, origin.Trend, _segmentEnds[segment]);
            if (double.IsNaN(origin.Excess[segment]) || excess > origin.Excess[segment])
            {
                origin.Excess[segment] = excess;
            }

            if (segment == _segmentEnds.Length - 1 && elapsed >= _segmentEnds[^1] - (interval / 2))
            {
                Complete(i);
            }
        }
    }

    private void Complete(int index)
    {
        _completed.Enqueue(_pending[index].Excess);
        _pending.RemoveAt(index);
        while (_completed.Count > _options.OriginMemory)
        {
            _completed.Dequeue();
        }
    }

    private void Fit(double seconds, double deseasonalised, double scale)
    {
        _recent.Enqueue(new RecentPoint(seconds, deseasonalised));
        var window = Math.Max(_options.TrendWindow.TotalSeconds, 6 * (_baseline.IntervalSeconds ?? 0));
        while (_recent.Count > 0 && _recent.Peek().Seconds < seconds - window)
        {
            _recent.Dequeue();
        }

        if (_level is not { } level || double.IsNaN(_lastSeconds))
        {
            _level = deseasonalised;
            _trend = 0;
            return;
        }

        // The level follows the deseasonalised value with the innovation clipped at three baseline scales, so a spike
        // does not move it; the trend is the Theil–Sen slope of the window, which a spike cannot tilt either.
        var elapsed = Math.Max(seconds - _lastSeconds, 0);
        var predicted = level + (_trend * elapsed);
        var limit = scale > 0 ? 3 * scale : double.PositiveInfinity;
        var rate = 1 - Math.Exp(-elapsed / _options.LevelMemory.TotalSeconds);
        _level = predicted + (rate * Math.Clamp(deseasonalised - predicted, -limit, limit));
        _trend = TheilSen();
    }

    private double TheilSen()
    {
        var points = _recent.ToArray();
        if (points.Length < 3)
        {
            return 0;
        }

        var slopes = new List<double>(points.Length * (points.Length - 1) / 2);
        for (var i = 0; i < points.Length; i++)
        {
            for (var j = i + 1; j < points.Length; j++)
            {
                var dt = points[j].Seconds - points[i].Seconds;
                if (dt > 0)
                {
                    slopes.Add((points[j].Value - points[i].Value) / dt);
                }
            }
        }

        if (slopes.Count == 0)
        {
            return 0;
        }

        slopes.Sort();
        return slopes.Count % 2 == 1 ? slopes[slopes.Count / 2] : (slopes[(slopes.Count / 2) - 1] + slopes[slopes.Count / 2]) / 2;
    }

    private double Path(DateTimeOffset origin, double level, double trend, double aheadSeconds)
    {
        // A damped trend adds trend × τ(1 − e^(−h/τ)): linear at first, levelling off after τ.
        var persistence = _options.TrendPersistence.TotalSeconds;
        return _baseline.Seasonal(origin.AddSeconds(aheadSeconds)) + level + (trend * persistence * (1 - Math.Exp(-aheadSeconds / persistence)));
    }

    // A segment runs from just after the previous segment's end to its own end; the time to threshold is placed at the
    // middle of the sampling times it holds (exactly at its end for a one-step segment).
    private double Start(int segment) => segment == 0 ? 0 : _segmentEnds[segment - 1] / 60;

    private double Typical(int segment, double interval)
    {
        var first = (segment == 0 ? 0 : _segmentEnds[segment - 1]) + interval;
        return (Math.Min(first, _segmentEnds[segment]) + _segmentEnds[segment]) / 2 / 60;
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    private static DateTimeOffset FromSeconds(double seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));

    private Finding? Congestion(DateTimeOffset at, ThresholdForecast? forecast)
    {
        var crossing = forecast is { EtaMinutes: > 0 } f && f.Confidence >= _options.RaiseConfidence;
        if (_congested)
        {
            _clearRun = crossing ? 0 : _clearRun + 1;
            if (_clearRun >= ClearPoints)
            {
                _congested = false;
            }

            return null;
        }

        if (!crossing || forecast is null)
        {
            return null;
        }

        _congested = true;
        _clearRun = 0;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{Series.Router} {Series.Path} reaches {forecast.Threshold:G4} in ~{forecast.EtaMinutes:0} min ({_options.Coverage:P0} interval {Minutes(forecast.Low)}–{Minutes(forecast.High)} min, confidence {forecast.Confidence:0.00})");
        return SeriesFinding.Create(
            Series,
            FindingKind.CongestionForecast,
            at,
            forecast.Confidence,
            summary,
            [
                ("threshold", forecast.Threshold),
                ("etaMinutes", forecast.EtaMinutes),
                ("low", forecast.Low),
                ("high", forecast.High),
                ("confidence", forecast.Confidence),
                ("horizonMinutes", forecast.HorizonMinutes),
                ("value", _lastValue),
            ],
            []);
    }

    private static string Minutes(double? minutes) => minutes is { } m ? m.ToString("0", CultureInfo.InvariantCulture) : "beyond the horizon";

    // A forecast origin while its horizon runs: the excess per segment fills in as points arrive (NaN until then).
    private sealed record Origin(double Seconds, double Level, double Trend, double[] Excess);
}
