using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Analytics.Anomaly;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Multivariate;

/// <summary>
/// Scores a router's feature vectors (CPU, memory, peers down, RIB size, churn, update rate, latency, loss) as a whole,
/// which per-series baselines cannot: a CPU at 70 % is ordinary while updates pour in and unusual when they do not. The
/// normal joint pattern is ML.NET's randomized PCA of the recent vectors (see <see cref="PcaFeatureModel"/>), retrained
/// every <see cref="MultivariateOptions.RetrainEvery"/> vectors; a vector's squared distance from it is calibrated on
/// held-out and later vectors into the same anomaly scale as the series scores, and a finding names the features that
/// carry the anomaly.
/// Bounded memory (a window of vectors), time passed in, a plain state record.
/// </summary>
public sealed class RouterFeatureScorer
{
    private const double TailQuantile = 0.99;

    // About once every one and a half hours on the anomaly scale.
    private const double LearnBelow = 0.3;

    private readonly MultivariateOptions _options;
    private readonly Queue<FeatureSample> _samples = new();
    private PcaFeatureModel? _model;
    private TailModel? _calibration;
    private int _sinceTraining;
    private int _highRun;
    private double _interval;
    private AnomalyEpisode _episode = new();

    /// <summary>A scorer with no history.</summary>
    /// <param name="router">The router whose vectors it scores.</param>
    /// <param name="options">How to learn and score.</param>
    public RouterFeatureScorer(string router, MultivariateOptions options)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(options);
        if (options.WarmUp < 20 || options.WarmUp > options.Window || options.HoldOut is <= 0 or >= 1 || options.Persistence < 1)
        {
            throw new ArgumentException("the warm-up must be at least 20 vectors and fit the window, the hold-out a share between 0 and 1, and the persistence at least one vector", nameof(options));
        }

        Router = router;
        _options = options;
    }

    /// <summary>The router.</summary>
    public string Router { get; }

    /// <summary>Scores a vector (values in schema order; NaN for a feature not measured), then learns from it.</summary>
    /// <exception cref="ArgumentException">The vector does not have the schema's length.</exception>
    public RouterFeatureVerdict Observe(DateTimeOffset at, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != _options.Schema.Features.Length)
        {
            throw new ArgumentException($"expected {_options.Schema.Features.Length} features ({string.Join(", ", _options.Schema.Features.Select(f => f.Name))}), got {values.Count}", nameof(values));
        }

        double? squaredError = null;
        var score = 0.0;
        ImmutableArray<FeatureContribution> contributions = [];
        if (_model is not null && _calibration is not null)
        {
            (var error, contributions) = _model.Assess(values);
            squaredError = error;
            score = AnomalyScale.Score(_calibration.TailProbability(error), _interval);
        }

        _highRun = score >= _options.Floors.AnomalyHigh ? _highRun + 1 : 0;
        // Until the run is long enough the vector counts as quiet; an open episode sees every score.
        var raised = _episode.Raises(_episode.Open || _highRun >= _options.Persistence ? score : 0, _options.Floors.AnomalyHigh, _options.QuietPoints);
        // Only vectors that look ordinary calibrate the scores: a broken correlation lasts, and learning its first
        // vectors as normal would make the rest of it look ordinary before it ever reached the raise level.
        if (squaredError is { } raw && score < LearnBelow)
        {
            _calibration!.Observe(raw);
        }

        _samples.Enqueue(new FeatureSample(at.ToUnixTimeMilliseconds() / 1000.0, [.. values]));
        while (_samples.Count > _options.Window + _options.RetrainEvery)
        {
            _samples.Dequeue();
        }

        _sinceTraining++;
        if ((_model is null && _samples.Count >= _options.WarmUp) || (_model is not null && _sinceTraining >= _options.RetrainEvery))
        {
            Train(restoring: false);
        }

        return new RouterFeatureVerdict(at, score, squaredError, raised, contributions, raised ? Finding(at, score, contributions) : null);
    }

    /// <summary>The scorer as plain values, to persist.</summary>
    public RouterFeatureScorerState ToState() =>
        new([.. _samples], _model is null ? null : _sinceTraining, _calibration?.ToState(), _episode.Open, _episode.QuietRun, _highRun);

    /// <summary>Restores a scorer persisted with <see cref="ToState"/>: the model is retrained from the same vectors with the same seed.</summary>
    public static RouterFeatureScorer FromState(string router, MultivariateOptions options, RouterFeatureScorerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var scorer = new RouterFeatureScorer(router, options) { _episode = AnomalyEpisode.Restore(state.InEpisode, state.QuietRun), _highRun = state.HighRun };
        if (state.Samples.Any(s => s.Values.Length != options.Schema.Features.Length))
        {
            throw new ArgumentException("the state's vectors do not fit the schema", nameof(state));
        }

        foreach (var sample in state.Samples)
        {
            scorer._samples.Enqueue(sample);
        }

        if (state.SinceTraining is { } since)
        {
            if (state.Calibration is null || since > scorer._samples.Count)
            {
                throw new ArgumentException("a trained scorer's state needs its calibration and the vectors it was trained on", nameof(state));
            }

            scorer._sinceTraining = since;
            scorer.Train(restoring: true);
            scorer._calibration = TailModel.FromState(state.Calibration, options.Window, TailQuantile, CalibrationWarmUp(options));
        }

        return scorer;
    }

    private void Train(bool restoring)
    {
        // The model is trained on the window as it was when it was last (re)trained: the vectors up to _sinceTraining
        // ago (zero when training now); the newest share of that window is held out to calibrate its scores.
        var all = _samples.ToArray();
        var end = all.Length - (restoring ? _sinceTraining : 0);
        var window = all[Math.Max(0, end - _options.Window)..end];
        var heldOut = Math.Max(1, (int)Math.Round(window.Length * _options.HoldOut));
        _model = PcaFeatureModel.Train(window[..^heldOut], _options);
        _interval = Interval(window);
        if (restoring)
        {
            return;
        }

        _calibration = new TailModel(_options.Window, TailQuantile, CalibrationWarmUp(_options));
        foreach (var sample in window[^heldOut..])
        {
            _calibration.Observe(_model.Assess(sample.Values).SquaredError);
        }

        _sinceTraining = 0;
    }

    private static int CalibrationWarmUp(MultivariateOptions options) =>
        Math.Max(20, (int)Math.Round(options.WarmUp * options.HoldOut));

    // The median time between vectors: what turns a probability into a recurrence time.
    private static double Interval(FeatureSample[] window)
    {
        if (window.Length < 2)
        {
            return 0;
        }

        var gaps = new double[window.Length - 1];
        for (var i = 1; i < window.Length; i++)
        {
            gaps[i - 1] = window[i].Seconds - window[i - 1].Seconds;
        }

        Array.Sort(gaps);
        return gaps[gaps.Length / 2];
    }


    private Finding Finding(DateTimeOffset at, double score, ImmutableArray<FeatureContribution> contributions)
    {
        var top = contributions.Take(3).ToArray();
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{Router}: an unusual combination of its features; most off: {string.Join(", ", top.Select(c => $"{c.Feature} {c.Value:G4} (expected {c.Expected:G4} from the others)"))}");
        var subject = new FindingSubject(SubjectKind.Router, Router);
        var data = contributions.SelectMany(c => new[]
            {
                ($"{c.Feature}.value", c.Value.ToString("G6", CultureInfo.InvariantCulture)),
                ($"{c.Feature}.expected", c.Expected.ToString("G6", CultureInfo.InvariantCulture)),
                ($"{c.Feature}.share", c.Share.ToString("0.###", CultureInfo.InvariantCulture)),
            })
            .Append(("score", score.ToString("G6", CultureInfo.InvariantCulture)))
            .Append(("severity", _options.Floors.Severity(score) ?? "high"))
            .Append(("detector", "randomized-pca"))
            .ToImmutableSortedDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        return new Finding
        {
            Id = FindingId.Create(FindingKind.MetricAnomaly, subject, at),
            At = at,
            Router = Router,
            Kind = FindingKind.MetricAnomaly,
            Score = score,
            Summary = summary,
            Subject = subject,
            Evidence = [new Evidence(at, "metric", summary) { Data = data }],
        };
    }
}
