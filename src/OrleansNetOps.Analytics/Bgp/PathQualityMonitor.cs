using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// Scores the path through each ISP from each router (<see cref="PathQualityScore"/>) from probe samples and route
/// churn, and raises a <see cref="FindingKind.PathQuality"/> finding when a score falls below
/// <see cref="PathQualityOptions.DegradedBelow"/> — once, until it recovers above
/// <see cref="PathQualityOptions.RecoveredAbove"/>. The latency part counts from the latency the path usually has:
/// learned from healthy windows, the ISP's configured latency until then.
/// </summary>
public sealed class PathQualityMonitor
{
    private readonly PathQualityOptions _options;
    private readonly NetworkTopology? _topology;
    private readonly Dictionary<(string Router, string Isp), PathQualityState> _states = [];

    /// <summary>Creates a monitor, optionally from persisted states.</summary>
    /// <param name="options">Limits; <see cref="PathQualityOptions.Default"/> when null.</param>
    /// <param name="topology">Gives each ISP's configured latency; optional.</param>
    /// <param name="states">Persisted states.</param>
    public PathQualityMonitor(PathQualityOptions? options = null, NetworkTopology? topology = null, IEnumerable<PathQualityState>? states = null)
    {
        _options = (options ?? PathQualityOptions.Default).Validate();
        _topology = topology;
        foreach (var state in states ?? [])
        {
            _states[(state.Router, state.Isp)] = state;
        }
    }

    /// <summary>Every state, for persistence.</summary>
    public ImmutableArray<PathQualityState> States =>
        [.. _states.Values.OrderBy(s => s.Router, StringComparer.Ordinal).ThenBy(s => s.Isp, StringComparer.Ordinal)];

    /// <summary>Adds a probe sample; a finding when it makes the path degraded.</summary>
    /// <exception cref="ArgumentException">A value is out of range (negative latency, loss outside 0–100).</exception>
    public ImmutableArray<Finding> Observe(ProbeSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Check(sample.LatencyMs is null or >= 0 and < double.PositiveInfinity, sample, "latency", sample.LatencyMs);
        Check(sample.LossPct is null or >= 0 and <= 100, sample, "loss", sample.LossPct);
        Check(sample.JitterMs is null or >= 0 and < double.PositiveInfinity, sample, "jitter", sample.JitterMs);
        var state = StateOf(sample.Router, sample.Isp);
        var samples = state.Samples.Add(sample);
        if (samples.Length > _options.MaxSamples)
        {
            samples = samples.RemoveAt(0);
        }

        return Evaluate(state with { Samples = samples }, sample.At);
    }

    /// <summary>Adds prefix updates received from an ISP at a router; a finding when churn makes the path degraded.</summary>
    public ImmutableArray<Finding> ObserveChurn(DateTimeOffset at, string router, string isp, int updates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(updates);
        var state = StateOf(router, isp);
        var churn = state.Churn.Add(new ChurnSample(at, updates));
        if (churn.Length > _options.MaxSamples)
        {
            churn = churn.RemoveAt(0);
        }

        return Evaluate(state with { Churn = churn }, at);
    }

    /// <summary>The score of the path from <paramref name="router"/> through <paramref name="isp"/> as of <paramref name="at"/>; null without data.</summary>
    public PathQualityScore? Score(string router, string isp, DateTimeOffset at) =>
        _states.TryGetValue((router, isp), out var state) ? Compute(Trim(state, at), at) : null;

    /// <summary>An ISP's score over every router that probes it: the mean of their qualities; null without data.</summary>
    public PathQualityScore? Score(string isp, DateTimeOffset at)
    {
        var scores = _states.Values.Where(s => s.Isp == isp).Select(s => Compute(Trim(s, at), at)).Where(s => s.Samples > 0).ToList();
        if (scores.Count == 0)
        {
            return null;
        }

        return new PathQualityScore(
            at,
            null,
            isp,
            scores.Average(s => s.Quality),
            Mean(scores.Select(s => s.LatencyMs)),
            Mean(scores.Select(s => s.LossPct)),
            Mean(scores.Select(s => s.JitterMs)),
            scores.Sum(s => s.ChurnPerMinute),
            scores.Average(s => s.TypicalLatencyMs),
            scores.Sum(s => s.Samples))
        {
            LatencyPart = scores.Average(s => s.LatencyPart),
            LossPart = scores.Average(s => s.LossPart),
            JitterPart = scores.Average(s => s.JitterPart),
            ChurnPart = scores.Average(s => s.ChurnPart),
        };
    }

    private PathQualityState StateOf(string router, string isp)
    {
        ArgumentException.ThrowIfNullOrEmpty(router);
        ArgumentException.ThrowIfNullOrEmpty(isp);
        return _states.GetValueOrDefault((router, isp)) ?? new PathQualityState(router, isp);
    }

    private ImmutableArray<Finding> Evaluate(PathQualityState state, DateTimeOffset at)
    {
        state = Trim(state, at);
        var score = Compute(state, at);
        Finding? finding = null;
        if (!state.Degraded && score.Samples >= _options.MinimumSamples && score.Quality < _options.DegradedBelow)
        {
            finding = Degradation(score);
            state = state with { Degraded = true };
        }
        else if (score.Quality >= _options.RecoveredAbove)
        {
            state = state with { Degraded = false, TypicalLatencyMs = Learn(state.TypicalLatencyMs, score.LatencyMs) };
        }

        _states[(state.Router, state.Isp)] = state;
        return finding is null ? [] : [finding];
    }

    private double? Learn(double? typical, double? latency)
    {
        if (latency is not { } value)
        {
            return typical;
        }

        // Never learn a "typical" latency close to the limit: that would make a bad path look fine.
        value = Math.Min(value, _options.LatencyLimitMs * 0.8);
        return typical is { } known ? known + (_options.LearningFactor * (value - known)) : value;
    }

    private PathQualityState Trim(PathQualityState state, DateTimeOffset at)
    {
        var since = at - _options.Window;
        return state with
        {
            Samples = state.Samples.RemoveAll(s => s.At <= since),
            Churn = state.Churn.RemoveAll(c => c.At <= since),
        };
    }

    private PathQualityScore Compute(PathQualityState state, DateTimeOffset at)
    {
        var latency = Mean(state.Samples.Select(s => s.LatencyMs));
        var loss = Mean(state.Samples.Select(s => s.LossPct));
        var jitter = Mean(state.Samples.Select(s => s.JitterMs)) ?? Jitter(state.Samples);
        var churn = state.Churn.Sum(c => c.Updates) / _options.Window.TotalMinutes;
        var typical = state.TypicalLatencyMs ?? _topology?.Isp(state.Isp)?.LatencyMs ?? 0;
        var latencyPart = latency is { } l ? LatencyPart(l, typical) : 1;
        var lossPart = loss is { } p ? Headroom(p, _options.LossLimitPct) : 1;
        var jitterPart = jitter is { } j ? Headroom(j, _options.JitterLimitMs) : 1;
        var churnPart = Headroom(churn, _options.ChurnLimitPerMinute);
        return new PathQualityScore(at, state.Router, state.Isp, latencyPart * lossPart * jitterPart * churnPart, latency, loss, jitter, churn, typical, state.Samples.Length)
        {
            LatencyPart = latencyPart,
            LossPart = lossPart,
            JitterPart = jitterPart,
            ChurnPart = churnPart,
        };
    }

    private double LatencyPart(double latency, double typical)
    {
        var limit = _options.LatencyLimitMs;
        if (latency <= typical)
        {
            return 1;
        }

        return typical >= limit ? (latency < limit ? 1 : 0) : Math.Clamp((limit - latency) / (limit - typical), 0, 1);
    }

    private static double Headroom(double value, double limit) => Math.Clamp(1 - (value / limit), 0, 1);

    // Mean absolute difference of successive latencies (RFC 3550's idea, without its smoothing).
    private static double? Jitter(ImmutableArray<ProbeSample> samples)
    {
        var latencies = samples.Where(s => s.LatencyMs is not null).Select(s => s.LatencyMs!.Value).ToList();
        return latencies.Count < 2 ? null : latencies.Zip(latencies.Skip(1), (a, b) => Math.Abs(b - a)).Average();
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return known.Count == 0 ? null : known.Average();
    }

    private Finding Degradation(PathQualityScore score)
    {
        static string Value(double? value, string unit) => value is { } v ? $"{v.ToString("0.#", CultureInfo.InvariantCulture)} {unit}" : "n/a";
        var parts = $"latency {Value(score.LatencyMs, "ms")}, loss {Value(score.LossPct, "%")}, jitter {Value(score.JitterMs, "ms")}, churn {Value(score.ChurnPerMinute, "updates/min")}";
        var evidence = DetectorFindings.Evidence(
            score.At,
            "metric",
            $"path quality from {score.Router} through {score.Isp}: {score.Quality.ToString("0.00", CultureInfo.InvariantCulture)} ({parts}) over {score.Samples} probe samples",
            ("isp", score.Isp),
            ("quality", DetectorFindings.Number(score.Quality)),
            ("latencyMs", score.LatencyMs is { } l ? DetectorFindings.Number(l) : string.Empty),
            ("lossPct", score.LossPct is { } p ? DetectorFindings.Number(p) : string.Empty),
            ("jitterMs", score.JitterMs is { } j ? DetectorFindings.Number(j) : string.Empty),
            ("churnPerMinute", DetectorFindings.Number(score.ChurnPerMinute)),
            ("typicalLatencyMs", DetectorFindings.Number(score.TypicalLatencyMs)),
            ("latencyPart", DetectorFindings.Number(score.LatencyPart)),
            ("lossPart", DetectorFindings.Number(score.LossPart)),
            ("jitterPart", DetectorFindings.Number(score.JitterPart)),
            ("churnPart", DetectorFindings.Number(score.ChurnPart)));
        return DetectorFindings.Create(
            FindingKind.PathQuality,
            Subjects.Isp(score.Isp),
            score.At,
            score.Router,
            1 - score.Quality,
            $"Path from {score.Router} through {score.Isp} degraded to {score.Quality.ToString("0.00", CultureInfo.InvariantCulture)}: {parts}",
            evidence);
    }

    private static void Check(bool valid, ProbeSample sample, string what, double? value)
    {
        if (!valid)
        {
            throw new ArgumentException(
                $"probe sample from {sample.Router} through {sample.Isp} at {DetectorFindings.Time(sample.At)}: {what} {value?.ToString(CultureInfo.InvariantCulture)} is out of range",
                nameof(sample));
        }
    }
}
