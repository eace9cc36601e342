using System.Globalization;
using BenchmarkDotNet.Attributes;
using OrleansNetOps.Analytics.Anomaly;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Forecasting;

namespace OrleansNetOps.Benchmarks.Anomaly;

/// <summary>
/// Real-time anomaly scoring of 10,000 series at one point per 10 s each: every invocation scores one more point of
/// every series on the router analyst grain's per-point path (its per-router lookup by path, the series'
/// <see cref="SeriesAnalyst"/> with the grain's default <see cref="AnomalyScorerOptions"/>, and for utilisation series the
/// <see cref="UtilisationForecaster"/> with the grain's <see cref="ForecastOptions"/> and floor). The fleet is 40
/// routers × 250 series: 100 interface utilisation, 50 probe latency, 50 probe loss, 50 CPU. Every series is past its
/// cold start (baseline warm, scores live, forecasts given): 16 signals (daily seasonality plus seeded noise) are
/// replayed for three days at 10 s, and each series is restored from one of them by the grain's own activation path
/// (<c>ToState</c>/<c>FromState</c>), so each holds its own state. The baseline appends the same points to a
/// per-series ring buffer. Points per second on one core = 1e9 / mean ns; real time needs 10,000 × 0.1 = 1,000.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class AnomalyScoringBenchmarks
{
    private const int Series = 10_000;
    private const int SeriesPerRouter = 250;
    private const int SignalsPerKind = 4;
    private const int StepSeconds = 10;
    private const int StepsPerDay = 86_400 / StepSeconds;
    private const int WarmSteps = 3 * StepsPerDay;
    private const int RingPoints = 64;
    private const int NoiseMask = (1 << 16) - 1;

    // The grain's own options: the defaults, and the utilisation floor as the forecaster's threshold.
    private static readonly AnomalyScorerOptions AnomalyOptions = new();
    private static readonly ForecastOptions ForecastOptions = new();
    private static readonly MetricKind[] Kinds = [MetricKind.UtilisationPercent, MetricKind.LatencyMs, MetricKind.LossPercent, MetricKind.Other];
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<Finding> _found = [];
    private Signal[] _signals = [];
    private double[] _noise = [];
    private int[] _signalOf = [];
    private int[] _routerOf = [];
    private string[] _paths = [];
    private Dictionary<string, SeriesAnalyst>[] _analysts = [];
    private Dictionary<string, UtilisationForecaster>[] _forecasters = [];
    private double[] _ringValues = [];
    private long[] _ringTimes = [];
    private int[] _ringHeads = [];
    private long _step;
    private long _scored;
    private long _findings;

    [GlobalSetup(Target = nameof(AppendToRing))]
    public void SetupRing()
    {
        SetupFleet();
        _ringValues = new double[Series * RingPoints];
        _ringTimes = new long[Series * RingPoints];
        _ringHeads = new int[Series];
    }

    [GlobalSetup(Target = nameof(Score))]
    public void SetupAnalysts()
    {
        SetupFleet();
        var warm = _signals.Select(Warm).ToArray();

        var routers = Series / SeriesPerRouter;
        _analysts = [.. Enumerable.Range(0, routers).Select(_ => new Dictionary<string, SeriesAnalyst>(StringComparer.Ordinal))];
        _forecasters = [.. Enumerable.Range(0, routers).Select(_ => new Dictionary<string, UtilisationForecaster>(StringComparer.Ordinal))];

        // Utilisation series (analyst + forecaster) first, then the rest, to read what each kind keeps alive.
        var utilisation = Enumerable.Range(0, Series).Where(i => _signals[_signalOf[i]].Kind == MetricKind.UtilisationPercent).ToArray();
        var others = Enumerable.Range(0, Series).Except(utilisation).ToArray();
        var before = GC.GetTotalMemory(true);
        Restore(utilisation, warm);
        var middle = GC.GetTotalMemory(true);
        Restore(others, warm);
        var after = GC.GetTotalMemory(true);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// retained: {(middle - before) / (double)utilisation.Length:F0} B per utilisation series (analyst + forecaster), {(after - middle) / (double)others.Length:F0} B per other series (analyst), {(after - before) / (double)Series:F0} B per series over the fleet of {Series:N0}"));
    }

    [GlobalCleanup(Target = nameof(Score))]
    public void ReportFindings() =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// findings: {_findings:N0} raised in {_scored:N0} scored points"));

    [Benchmark(Baseline = true, OperationsPerInvoke = Series, Description = "append to a per-series ring buffer")]
    public double AppendToRing()
    {
        var k = WarmSteps + _step++;
        var at = T0.AddSeconds(k * StepSeconds).UtcTicks;
        var sum = 0.0;
        for (var i = 0; i < Series; i++)
        {
            var value = Value(_signalOf[i], i, k);
            var head = _ringHeads[i];
            _ringValues[(i * RingPoints) + head] = value;
            _ringTimes[(i * RingPoints) + head] = at;
            _ringHeads[i] = (head + 1) & (RingPoints - 1);
            sum += value;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Series, Description = "score: analyst (+ forecaster for utilisation)")]
    public int Score()
    {
        var k = WarmSteps + _step++;
        var at = T0.AddSeconds(k * StepSeconds);
        _found.Clear();
        for (var i = 0; i < Series; i++)
        {
            var value = Value(_signalOf[i], i, k);
            var router = _routerOf[i];
            var path = _paths[i];
            var analyst = _analysts[router][path];
            _found.AddRange(analyst.Observe(at, value).Findings);
            if (analyst.Series.Kind == MetricKind.UtilisationPercent
                && _forecasters[router].TryGetValue(path, out var forecaster)
                && forecaster.Observe(at, value).Finding is { } congestion)
            {
                _found.Add(congestion);
            }
        }

        _scored += Series;
        _findings += _found.Count;
        return _found.Count;
    }

    private void SetupFleet()
    {
        var random = new Random(20_251_206);
        _noise = [.. Enumerable.Range(0, NoiseMask + 1).Select(_ => Gaussian(random))];
        _signals = [.. Enumerable.Range(0, Kinds.Length * SignalsPerKind).Select(s => Signal.Of(Kinds[s / SignalsPerKind], s % SignalsPerKind, random))];
        _signalOf = new int[Series];
        _routerOf = new int[Series];
        _paths = new string[Series];
        for (var i = 0; i < Series; i++)
        {
            var router = i / SeriesPerRouter;
            var slot = i % SeriesPerRouter;
            var (kind, path) = slot switch
            {
                < 100 => (0, $"/interfaces/interface[name=eth{slot / 2}]/{(slot % 2 == 0 ? "in" : "out")}/utilisation-pct"),
                < 150 => (1, $"/probes/target[name=T{slot - 100}]/latency-ms"),
                < 200 => (2, $"/probes/target[name=T{slot - 150}]/loss-pct"),
                _ => (3, $"/system/cpu[index={slot - 200}]/utilization"),
            };
            _routerOf[i] = router;
            _paths[i] = path;
            _signalOf[i] = (kind * SignalsPerKind) + ((slot + router) % SignalsPerKind);
        }
    }

    private (SeriesAnalystState Analyst, UtilisationForecasterState? Forecaster) Warm(Signal signal, int s)
    {
        var series = new MetricSeries("warm", "warm", signal.Kind);
        var analyst = new SeriesAnalyst(series, AnomalyOptions);
        var forecaster = signal.Kind == MetricKind.UtilisationPercent
            ? new UtilisationForecaster(series, ForecastOptions, AnomalyOptions.Floors.UtilisationPercent)
            : null;
        SeriesVerdict? last = null;
        for (var k = 0; k < WarmSteps; k++)
        {
            var at = T0.AddSeconds(k * StepSeconds);
            var value = Value(s, -1 - s, k);
            last = analyst.Observe(at, value);
            forecaster?.Observe(at, value);
        }

        // Past the cold start, or the benchmark would time a scorer that returns 0. Which model the baseline chose is
        // the baseline's call (a loss series near 0 has no daily pattern worth its cost); it is printed.
        if (last is not { Point.Expected.Warm: true })
        {
            throw new InvalidOperationException($"signal {s} ({signal.Kind}) did not warm its baseline: {last?.Point.Expected}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// warmed signal {s} ({signal.Kind}): {last.Point.Expected.Seasonality} model, expected {last.Point.Expected.Mean:F2} ± {last.Point.Expected.Scale:F2}"));
        if (forecaster is not null && forecaster.Forecast() is null)
        {
            throw new InvalidOperationException($"signal {s} did not warm its forecaster");
        }

        return (analyst.ToState(), forecaster?.ToState());
    }

    private void Restore(int[] indices, (SeriesAnalystState Analyst, UtilisationForecasterState? Forecaster)[] warm)
    {
        foreach (var i in indices)
        {
            var router = _routerOf[i];
            var path = _paths[i];
            var (analystState, forecasterState) = warm[_signalOf[i]];
            var series = new MetricSeries($"R{router}", path, _signals[_signalOf[i]].Kind);
            _analysts[router][path] = SeriesAnalyst.FromState(series, AnomalyOptions, analystState);
            if (forecasterState is not null)
            {
                _forecasters[router][path] = UtilisationForecaster.FromState(series, ForecastOptions, AnomalyOptions.Floors.UtilisationPercent, forecasterState);
            }
        }
    }

    // The noise index mixes step and series, so series restored from one signal see their own noise.
    private double Value(int signal, int series, long step)
    {
        var s = _signals[signal];
        var noise = _noise[(int)((step * 7919) + (series * 104_729)) & NoiseMask];
        return Math.Clamp(s.Profile[(int)(step % StepsPerDay)] + (s.NoiseScale * noise), s.Min, s.Max);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>A series' daily profile (one value per 10 s step), its noise and its range.</summary>
    private sealed record Signal(MetricKind Kind, double[] Profile, double NoiseScale, double Min, double Max)
    {
        public static Signal Of(MetricKind kind, int n, Random random)
        {
            var (level, amplitude, noise, max) = kind switch
            {
                MetricKind.UtilisationPercent => (25 + (3 * n), 10 + (1.5 * n), 1.5 + (0.15 * n), 100.0),
                MetricKind.LatencyMs => (8 + (4 * n), 1 + (0.4 * n), 0.3 + (0.1 * n), double.MaxValue),
                MetricKind.LossPercent => (0.05 + (0.02 * n), 0.02, 0.02, 100.0),
                _ => (20 + (3 * n), 8 + n, 2.0, 100.0),
            };
            // Busy hours (a quarter-hour ramp up, a plateau, a ramp down) start at a different time per signal, and a
            // nightly backup adds a half-hour burst: the edges a level-only model lags behind and a daily profile knows.
            var start = 6 + (4 * random.NextDouble());
            var backup = 1 + (2 * random.NextDouble());
            var profile = new double[StepsPerDay];
            for (var k = 0; k < StepsPerDay; k++)
            {
                var hour = 24.0 * k / StepsPerDay;
                var busy = Math.Clamp((hour - start) * 4, 0, 1) * Math.Clamp((start + 9 - hour) * 4, 0, 1);
                var burst = hour >= backup && hour < backup + 0.5 ? 0.6 : 0;
                profile[k] = level + (amplitude * (busy + burst)) + (0.2 * amplitude * Math.Sin(2 * Math.PI * (hour - start) / 24));
            }

            return new Signal(kind, profile, noise, 0, max);
        }
    }
}
