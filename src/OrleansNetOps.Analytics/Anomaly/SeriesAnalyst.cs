using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>
/// Watches one metric series and raises its findings: <c>metric-anomaly</c> when the learned baseline's score opens an
/// anomalous episode, <c>threshold-breach</c> when the value crosses the series' fixed floor. What an analyst grain
/// holds per series: bounded memory, a state record to persist, time passed in.
/// </summary>
public sealed class SeriesAnalyst
{
    // A breach clears only once the value is this share under the floor, so a value hovering at the floor is one
    // breach, not one per crossing.
    private const double ClearShare = 0.95;

    private readonly AnomalyScorerOptions _options;
    private readonly SeriesAnomalyScorer _scorer;
    private bool _breaching;

    /// <summary>An analyst with an empty baseline.</summary>
    public SeriesAnalyst(MetricSeries series, AnomalyScorerOptions options)
        : this(series, options, new SeriesAnomalyScorer(options), breaching: false)
    {
    }

    private SeriesAnalyst(MetricSeries series, AnomalyScorerOptions options, SeriesAnomalyScorer scorer, bool breaching)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        Series = series;
        _options = options;
        _scorer = scorer;
        _breaching = breaching;
    }

    /// <summary>The series watched.</summary>
    public MetricSeries Series { get; }

    /// <summary>Scores a point and returns the findings it raises.</summary>
    public SeriesVerdict Observe(DateTimeOffset at, double value)
    {
        var point = _scorer.Observe(at, value);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        if (point.Raised)
        {
            findings.Add(Anomaly(point));
        }

        if (_options.Floors.For(Series.Kind) is var (floor, critical) && double.IsFinite(value))
        {
            if (!_breaching && value >= floor)
            {
                _breaching = true;
                findings.Add(Breach(point, floor, critical));
            }
            else if (_breaching && value < floor * ClearShare)
            {
                _breaching = false;
            }
        }

        return new SeriesVerdict(point, findings.ToImmutable());
    }

    /// <summary>The analyst as plain values, to persist.</summary>
    public SeriesAnalystState ToState() => new(_scorer.ToState(), _breaching);

    /// <summary>Restores an analyst persisted with <see cref="ToState"/>.</summary>
    public static SeriesAnalyst FromState(MetricSeries series, AnomalyScorerOptions options, SeriesAnalystState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        return new SeriesAnalyst(series, options, SeriesAnomalyScorer.FromState(options, state.Scorer), state.Breaching);
    }

    private Finding Anomaly(AnomalyPoint point)
    {
        var expected = point.Expected;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{Series.Router} {Series.Path}: {point.Value:G4} where {expected.Mean:G4} ± {expected.Scale:G3} was expected ({Describe(point.Recurrence)})");
        return SeriesFinding.Create(
            Series,
            FindingKind.MetricAnomaly,
            point.At,
            point.Score,
            summary,
            [
                ("value", point.Value),
                ("expected", expected.Mean),
                ("scale", expected.Scale),
                ("residual", point.Residual),
                ("shift", point.Shift),
                ("saliency", point.Saliency),
                ("score", point.Score),
                ("recurrenceDays", point.Recurrence.TotalDays),
            ],
            [("seasonality", expected.Seasonality.ToString().ToLowerInvariant()), ("severity", _options.Floors.Severity(point.Score) ?? "high")]);
    }

    private Finding Breach(AnomalyPoint point, double floor, double critical)
    {
        // High at the floor, critical at the critical level, linear between (and beyond, up to 1).
        var score = Math.Clamp(
            _options.Floors.AnomalyHigh + ((_options.Floors.AnomalyCritical - _options.Floors.AnomalyHigh) * (point.Value - floor) / Math.Max(critical - floor, 1e-9)),
            _options.Floors.AnomalyHigh,
            1.0);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{Series.Router} {Series.Path}: {point.Value:G4} is above the fixed floor {floor:G4}");
        return SeriesFinding.Create(
            Series,
            FindingKind.ThresholdBreach,
            point.At,
            score,
            summary,
            [("value", point.Value), ("floor", floor), ("critical", critical), ("anomalyScore", point.Score)],
            [("severity", _options.Floors.Severity(score) ?? "high")]);
    }

    private static string Describe(TimeSpan recurrence) => recurrence.TotalDays switch
    {
        >= 365 => string.Create(CultureInfo.InvariantCulture, $"about once in {recurrence.TotalDays / 365.25:0.#} years"),
        >= 30 => string.Create(CultureInfo.InvariantCulture, $"about once in {recurrence.TotalDays / 30.4:0.#} months"),
        >= 1 => string.Create(CultureInfo.InvariantCulture, $"about once in {recurrence.TotalDays:0.#} days"),
        _ => string.Create(CultureInfo.InvariantCulture, $"about once in {recurrence.TotalHours:0.#} hours"),
    };
}
