using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Baselines;

/// <summary>
/// One candidate model of a series. The level-only model expects the recent level. The daily model keeps, per
/// time-of-day bucket (a few minutes wide), the typical value at that time over the last days, and expects it plus
/// today's offset from it (the recent average of the differences). The weekly model adds to the daily profile a typical
/// offset per day of the week, and keeps its own recent offset. Every update is an error correction with the error
/// clipped at <see cref="BaselineOptions.HuberLimit"/> scales (a Huber M-estimate learned online): centres behave like
/// medians, scales like mean absolute deviations, and no single outlier can drag them.
/// </summary>
internal sealed class SeasonalModel
{
    public const double Day = 86_400;

    // Bucket scales are pooled over this many neighbours each side: each bucket sees few points a day, and the
    // edges of a daily pattern (where timing jitters) should widen the scale around them, not at one bucket only.
    private const int ScaleNeighbours = 2;

    private readonly BaselineOptions _options;
    private readonly SeasonalModel? _profile;
    private readonly double _levelRate;
    private readonly double _interval;
    private double[] _centre;
    private double[] _scale;
    private double[] _count;
    private double[] _dayOffset;
    private double[] _dayCount;

    private SeasonalModel(BaselineOptions options, Seasonality seasonality, int buckets, double interval, SeasonalModel? profile)
    {
        _options = options;
        Seasonality = seasonality;
        _profile = profile;
        _interval = interval;
        _levelRate = 1.0 / options.LevelMemoryPoints;
        _centre = new double[buckets];
        _scale = new double[buckets];
        _count = new double[buckets];
        _dayOffset = new double[seasonality == Seasonality.Weekly ? 7 : 0];
        _dayCount = new double[_dayOffset.Length];
    }

    public Seasonality Seasonality { get; }

    public double Level { get; private set; }

    public double Scale { get; private set; }

    public double RecentError { get; private set; }

    public long Observations { get; private set; }

    public double FirstSeconds { get; private set; }

    public double LastSeconds { get; private set; }

    /// <summary>Mean absolute deviation of the raw values around their mean: the series' overall spread.</summary>
    private double Spread { get; set; }

    private double Mean { get; set; }

    /// <summary>
    /// The smallest scale the model uses: a small share of the series' spread, so a near-deterministic series does not
    /// turn rounding noise into huge residuals.
    /// </summary>
    private double ScaleFloor => Math.Max(_options.ScaleFloorShare * Spread, 1e-9 * Math.Abs(Mean));

    /// <summary>Whether the model has seen enough to be trusted.</summary>
    public bool Warm => Observations >= _options.WarmUpPoints && LastSeconds - FirstSeconds >= WarmUpSeconds;

    private double WarmUpSeconds => Seasonality switch
    {
        Seasonality.Daily => _options.SeasonalWarmUpPeriods * Day,
        Seasonality.Weekly => _options.SeasonalWarmUpPeriods * 7 * Day,
        _ => 0,
    };

    private SeasonalModel ProfileOwner => _profile ?? this;

    public static SeasonalModel LevelOnly(BaselineOptions options) => new(options, Seasonality.None, 0, 1, null);

    public static SeasonalModel Daily(BaselineOptions options, int buckets, double interval) =>
        new(options, Seasonality.Daily, buckets, interval, null);

    public static SeasonalModel Weekly(BaselineOptions options, SeasonalModel daily, double interval) =>
        new(options, Seasonality.Weekly, 0, interval, daily);

    /// <summary>The expected value and scale at a time (Unix seconds).</summary>
    public (double Mean, double Scale) Predict(double seconds)
    {
        var floor = ScaleFloor;
        var owner = ProfileOwner;
        if (owner._centre.Length == 0)
        {
            return (Level, Math.Max(Scale, floor));
        }

        var bucket = owner.BucketOf(seconds);
        if (owner._count[bucket] <= 0)
        {
            // A time of day not seen yet: the recent level is the best guess.
            return (owner.Mean, Math.Max(owner.Spread, floor));
        }

        var scale = owner.BucketScale(bucket);
        return (owner._centre[bucket] + Offset(seconds) + Level, Math.Max(scale > 0 ? scale : Scale, floor));
    }

    /// <summary>The seasonal part of the expectation at a time: the typical value then, without the recent offset; 0 for the level-only model.</summary>
    public double Profile(double seconds)
    {
        var owner = ProfileOwner;
        if (owner._centre.Length == 0)
        {
            return 0;
        }

        var bucket = owner.BucketOf(seconds);
        return owner._count[bucket] > 0 ? owner._centre[bucket] + Offset(seconds) : owner.Mean;
    }

    /// <summary>Learns from one observation.</summary>
    public void Update(double seconds, double value)
    {
        if (Observations == 0)
        {
            // A seasonal model's level is its offset from the profile: none yet.
            Level = Seasonality == Seasonality.None ? value : 0;
            if (_centre.Length > 0)
            {
                UpdateBucket(BucketOf(seconds), value, 0);
            }

            Mean = value;
            FirstSeconds = seconds;
            LastSeconds = seconds;
            Observations = 1;
            return;
        }

        var spreadRate = 1.0 / Math.Min(Observations + 1, _options.ModelChoiceMemoryPoints);
        Spread += spreadRate * (Math.Abs(value - Mean) - Spread);
        Mean += spreadRate * (value - Mean);

        var (mean, _) = Predict(seconds);
        var error = value - mean;
        // Until a first spread is seen nothing is clipped; after, an error counts for at most HuberLimit scales.
        var limit = Scale > 0 ? _options.HuberLimit * Math.Max(Scale, ScaleFloor) : double.PositiveInfinity;
        var clipped = Math.Clamp(error, -limit, limit);
        var warmRate = 1.0 / (Observations + 1);
        RecentError += Math.Max(warmRate, 1.0 / _options.ModelChoiceMemoryPoints) * (Math.Abs(clipped) - RecentError);
        Scale = Scale <= 0 ? Math.Abs(error) : Scale + (Math.Max(warmRate, _levelRate / 2) * (Math.Abs(clipped) - Scale));

        var owner = ProfileOwner;
        if (owner._centre.Length == 0)
        {
            // Level-only: the level itself follows the clipped errors.
            Level += Math.Max(warmRate, _levelRate) * clipped;
        }
        else
        {
            var bucket = owner.BucketOf(seconds);
            if (owner._count[bucket] > 0)
            {
                // The offset from the profile (a seasonal model's Level) follows the clipped errors; the profile and
                // the day offsets learn the raw values, so a lasting change moves into them over the days and the
                // offset returns to zero.
                Level += _levelRate * clipped;
                if (_dayOffset.Length > 0)
                {
                    UpdateDay(seconds, value - owner._centre[bucket]);
                }
            }

            if (_centre.Length > 0)
            {
                UpdateBucket(bucket, value, error);
            }
        }

        Observations++;
        LastSeconds = seconds;
    }

    public SeasonalModelState ToState() => new(Seasonality, Level, Scale, Mean, Spread, RecentError, Observations, FirstSeconds, LastSeconds)
    {
        BucketCentres = [.. _centre],
        BucketScales = [.. _scale],
        BucketCounts = [.. _count],
        DayOffsets = [.. _dayOffset],
        DayCounts = [.. _dayCount],
    };

    public static SeasonalModel FromState(BaselineOptions options, SeasonalModelState state, double interval, SeasonalModel? daily)
    {
        var buckets = state.BucketCentres.Length;
        if (state.BucketScales.Length != buckets || state.BucketCounts.Length != buckets
            || state.DayOffsets.Length != state.DayCounts.Length
            || (state.Seasonality == Seasonality.Weekly ? state.DayOffsets.Length != 7 || daily is null : state.DayOffsets.Length != 0)
            || (state.Seasonality == Seasonality.Daily) != (buckets > 0))
        {
            throw new ArgumentException($"inconsistent {state.Seasonality} model state", nameof(state));
        }

        return new SeasonalModel(options, state.Seasonality, 0, interval, state.Seasonality == Seasonality.Weekly ? daily : null)
        {
            Level = state.Level,
            Scale = state.Scale,
            Mean = state.Mean,
            Spread = state.Spread,
            RecentError = state.RecentError,
            Observations = state.Observations,
            FirstSeconds = state.FirstSeconds,
            LastSeconds = state.LastSeconds,
            _centre = [.. state.BucketCentres],
            _scale = [.. state.BucketScales],
            _count = [.. state.BucketCounts],
            _dayOffset = [.. state.DayOffsets],
            _dayCount = [.. state.DayCounts],
        };
    }

    private double BucketScale(int bucket)
    {
        double sum = 0, weight = 0;
        for (var j = -ScaleNeighbours; j <= ScaleNeighbours; j++)
        {
            var b = Wrap(bucket + j, _centre.Length);
            if (_count[b] > 0)
            {
                sum += _scale[b];
                weight++;
            }
        }

        return weight > 0 ? sum / weight : 0;
    }

    private void UpdateBucket(int bucket, double typical, double error)
    {
        if (_count[bucket] <= 0)
        {
            _centre[bucket] = typical;
            _scale[bucket] = Scale;
            _count[bucket] = 1;
            return;
        }

        _count[bucket]++;
        var perDay = Math.Max(1.0, Day / _centre.Length / _interval);
        var rate = Math.Max(1.0 / _count[bucket], 1.0 / (_options.SeasonMemoryPeriods * perDay));
        var limit = _options.HuberLimit * Math.Max(_scale[bucket], ScaleFloor);
        _centre[bucket] += rate * Math.Clamp(typical - _centre[bucket], -limit, limit);
        _scale[bucket] += rate * (Math.Min(Math.Abs(error), limit) - _scale[bucket]);
    }

    private void UpdateDay(double seconds, double deviation)
    {
        var day = DayOf(seconds);
        _dayCount[day]++;
        var perWeek = Day / _interval;
        var rate = Math.Max(1.0 / _dayCount[day], 1.0 / (_options.SeasonMemoryPeriods * perWeek));
        var limit = _options.HuberLimit * Math.Max(Scale, ScaleFloor);
        _dayOffset[day] += rate * Math.Clamp(deviation - _dayOffset[day], -limit, limit);
    }

    private double Offset(double seconds) =>
        _dayOffset.Length == 0 || _dayCount[DayOf(seconds)] <= 0 ? 0 : _dayOffset[DayOf(seconds)];

    private int BucketOf(double seconds) => Wrap((int)Math.Floor(seconds / (Day / _centre.Length)), _centre.Length);

    private static int DayOf(double seconds) => Wrap((int)Math.Floor(seconds / Day), 7);

    private static int Wrap(int value, int length) => ((value % length) + length) % length;
}
