using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Baselines;

/// <summary>
/// The learned baseline of one series: three candidate models — a robust level, a level with a time-of-day profile,
/// and that with day-of-week offsets — of which the one that explains the recent points best is used. Online, bounded
/// memory (a fixed number of buckets, at most one per five minutes of the day), time passed in. The sampling interval
/// is learned from the first points, and the time-of-day buckets laid out from it.
/// </summary>
public sealed class SeriesBaseline
{
    private readonly BaselineOptions _options;
    private readonly List<double> _learningTimes = [];
    private SeasonalModel[] _models;
    private Seasonality _chosen;

    /// <summary>An empty baseline.</summary>
    public SeriesBaseline(BaselineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _models = [SeasonalModel.LevelOnly(options)];
    }

    private SeriesBaseline(BaselineOptions options, SeasonalModel[] models, Seasonality chosen, double? interval, IEnumerable<double> learningTimes)
    {
        _options = options;
        _models = models;
        _chosen = chosen;
        IntervalSeconds = interval;
        _learningTimes.AddRange(learningTimes);
    }

    /// <summary>Points learned so far.</summary>
    public long Observations => _models[0].Observations;

    /// <summary>Time from the first point learned to the last.</summary>
    public TimeSpan History => TimeSpan.FromSeconds(_models[0].LastSeconds - _models[0].FirstSeconds);

    /// <summary>The sampling interval learned from the first points, in seconds; null until learned.</summary>
    public double? IntervalSeconds { get; private set; }

    /// <summary>The seasonality whose model explains the recent points best: the one <see cref="Expect(DateTimeOffset)"/> uses.</summary>
    public Seasonality Chosen => _chosen;

    /// <summary>What the baseline expects at <paramref name="at"/>, before seeing the point there.</summary>
    public BaselineExpectation Expect(DateTimeOffset at) => Expect(at, _chosen);

    /// <summary>What the model of one seasonality expects; not warm when that model does not exist yet.</summary>
    public BaselineExpectation Expect(DateTimeOffset at, Seasonality seasonality)
    {
        if ((int)seasonality >= _models.Length)
        {
            return new BaselineExpectation(0, 0, seasonality, Warm: false);
        }

        var model = _models[(int)seasonality];
        var (mean, scale) = model.Predict(Seconds(at));
        return new BaselineExpectation(mean, scale, model.Seasonality, _models[0].Warm && model.Warm);
    }

    /// <summary>
    /// The seasonal part of the chosen model's expectation at a time (past or future): the typical value at that
    /// time of day (and day of week), without the recent offset from it; 0 when the level-only model is in use.
    /// </summary>
    public double Seasonal(DateTimeOffset at) => _models[(int)_chosen].Profile(Seconds(at));

    /// <summary>Learns from one point. Non-finite values are ignored.</summary>
    public void Observe(DateTimeOffset at, double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        var seconds = Seconds(at);
        if (IntervalSeconds is null)
        {
            LearnInterval(seconds);
        }

        foreach (var model in _models)
        {
            model.Update(seconds, value);
        }

        Choose();
    }

    /// <summary>The baseline as plain values, to persist.</summary>
    public SeriesBaselineState ToState() =>
        new(IntervalSeconds, [.. _learningTimes], _chosen, [.. _models.Select(m => m.ToState())]);

    /// <summary>Restores a baseline persisted with <see cref="ToState"/>.</summary>
    /// <exception cref="ArgumentException">The state is not one this class wrote.</exception>
    public static SeriesBaseline FromState(BaselineOptions options, SeriesBaselineState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        if ((state.Models.Length != 1 && state.Models.Length != 3)
            || (state.Models.Length == 3 && state.IntervalSeconds is null)
            || (int)state.Chosen >= state.Models.Length)
        {
            throw new ArgumentException($"a baseline state holds the level model alone or all three models (it has {state.Models.Length}), and its chosen model among them", nameof(state));
        }

        var interval = state.IntervalSeconds ?? 1;
        var models = new SeasonalModel[state.Models.Length];
        for (var i = 0; i < models.Length; i++)
        {
            if (state.Models[i].Seasonality != (Seasonality)i)
            {
                throw new ArgumentException($"model {i} of a baseline state must be {(Seasonality)i}", nameof(state));
            }

            models[i] = SeasonalModel.FromState(options, state.Models[i], interval, i == 2 ? models[1] : null);
        }

        return new SeriesBaseline(options, models, state.Chosen, state.IntervalSeconds, state.LearningTimes);
    }

    private void Choose()
    {
        // Sticky: another model takes over only when it is clearly better than the one in use, so the choice does
        // not flip back and forth between two models that explain the series about as well.
        var best = (int)_chosen;
        if (!_models[best].Warm)
        {
            best = 0;
        }

        for (var i = 0; i < _models.Length; i++)
        {
            if (_models[i].Warm && _models[i].RecentError < _options.ModelChoiceMargin * _models[best].RecentError)
            {
                best = i;
            }
        }

        _chosen = _models[best].Seasonality;
    }

    private void LearnInterval(double seconds)
    {
        _learningTimes.Add(seconds);
        if (_learningTimes.Count <= _options.IntervalLearningPoints)
        {
            return;
        }

        var gaps = new double[_learningTimes.Count - 1];
        for (var i = 1; i < _learningTimes.Count; i++)
        {
            gaps[i - 1] = _learningTimes[i] - _learningTimes[i - 1];
        }

        Array.Sort(gaps);
        var interval = Math.Max(gaps[gaps.Length / 2], 1e-3);
        var width = Math.Max(_options.BucketWidth.TotalSeconds, interval);
        var buckets = (int)Math.Floor(SeasonalModel.Day / width);
        if (buckets < 4)
        {
            // Sampled a few times a day or less: no time-of-day profile to learn; stop looking.
            IntervalSeconds = interval;
            _learningTimes.Clear();
            return;
        }

        IntervalSeconds = interval;
        _learningTimes.Clear();
        var daily = SeasonalModel.Daily(_options, buckets, interval);
        _models = [_models[0], daily, SeasonalModel.Weekly(_options, daily, interval)];
    }

    private static double Seconds(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;
}
