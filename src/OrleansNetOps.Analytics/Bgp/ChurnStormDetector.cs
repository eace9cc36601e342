using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// Counts prefix announcements and withdrawals per session and per router in fixed buckets, learns each source's own
/// usual rate (exponentially weighted mean and mean absolute deviation), and raises one
/// <see cref="FindingKind.ChurnStorm"/> when a bucket is far above it. A storm's buckets are not learned, so a storm does
/// not teach itself to be normal — unless it outlasts <see cref="ChurnOptions.MaxStormBuckets"/>. Table transfers after a
/// session comes up are not storms.
/// </summary>
public sealed class ChurnStormDetector
{
    // Beyond this many empty buckets the learned mean has decayed to nothing anyway.
    private const int MaxEmptyBucketsReplayed = 500;
    private readonly ChurnOptions _options;
    private readonly Dictionary<string, ChurnSourceState> _sources = new(StringComparer.Ordinal);

    /// <summary>Creates a detector, optionally from persisted source states.</summary>
    public ChurnStormDetector(ChurnOptions? options = null, IEnumerable<ChurnSourceState>? sources = null)
    {
        _options = (options ?? ChurnOptions.Default).Validate();
        foreach (var source in sources ?? [])
        {
            _sources[source.Source] = source;
        }
    }

    /// <summary>Every source's state, ordered by source, for persistence.</summary>
    public ImmutableArray<ChurnSourceState> Sources => [.. _sources.Values.OrderBy(s => s.Source, StringComparer.Ordinal)];

    /// <summary>One source's state, if known.</summary>
    public ChurnSourceState? Source(string source) => _sources.GetValueOrDefault(source);

    /// <summary>Counts one prefix update on its session and on its router; findings for buckets it closed.</summary>
    public ImmutableArray<Finding> Observe(RouteUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var (announced, withdrawn) = update.IsWithdrawal ? (0, 1) : (1, 0);
        return ObserveCount(update.At, update.Vantage, update.Router, announced, withdrawn);
    }

    /// <summary>Counts a batch (e.g. the prefixes of one UPDATE) on a session and on its router; findings for buckets it closed.</summary>
    public ImmutableArray<Finding> ObserveCount(DateTimeOffset at, string session, string? router, int announcements, int withdrawals)
    {
        ArgumentException.ThrowIfNullOrEmpty(session);
        ArgumentOutOfRangeException.ThrowIfNegative(announcements);
        ArgumentOutOfRangeException.ThrowIfNegative(withdrawals);
        ImmutableArray<Finding>.Builder? findings = null;
        Count(session, router, at, announcements, withdrawals, ref findings);
        if (router is not null)
        {
            Count(router, router, at, announcements, withdrawals, ref findings);
        }

        return findings?.ToImmutable() ?? [];
    }

    /// <summary>A session came up (its table transfer follows) or went down; grants the grace period on Established.</summary>
    public void ObserveSession(SessionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.To != OrleansNetOps.Bgp.Monitoring.SessionState.Established)
        {
            return;
        }

        var until = change.At + _options.SessionGrace;
        var session = $"{change.Router}|{change.Neighbor}";
        Grant(_sources.GetValueOrDefault(session) ?? new ChurnSourceState(session, null) { BucketStart = Floor(change.At) }, until);

        // The router as a whole sees the same transfer; a collector's name is no router, so only a source already counted.
        if (_sources.TryGetValue(change.Router, out var router))
        {
            Grant(router, until);
        }
    }

    /// <summary>Closes every bucket that ended by <paramref name="now"/> (call it on a timer: a storm ends in silence too).</summary>
    public ImmutableArray<Finding> Advance(DateTimeOffset now)
    {
        ImmutableArray<Finding>.Builder? findings = null;
        foreach (var key in _sources.Keys.ToList())
        {
            _sources[key] = CloseUpTo(_sources[key], Floor(now), ref findings);
        }

        return findings?.ToImmutable() ?? [];
    }

    private void Grant(ChurnSourceState state, DateTimeOffset until) =>
        _sources[state.Source] = state with { GraceUntil = state.GraceUntil > until ? state.GraceUntil : until };

    private void Count(string key, string? router, DateTimeOffset at, int announcements, int withdrawals, ref ImmutableArray<Finding>.Builder? findings)
    {
        var state = _sources.GetValueOrDefault(key) ?? new ChurnSourceState(key, router) { BucketStart = Floor(at) };
        if (state.Router != router)
        {
            state = state with { Router = router }; // a session first met through its Peer Up
        }

        state = CloseUpTo(state, Floor(at), ref findings);
        _sources[key] = state with { Announcements = state.Announcements + announcements, Withdrawals = state.Withdrawals + withdrawals };
    }

    private ChurnSourceState CloseUpTo(ChurnSourceState state, DateTimeOffset bucket, ref ImmutableArray<Finding>.Builder? findings)
    {
        if (bucket <= state.BucketStart)
        {
            return state; // late updates count in the current bucket
        }

        state = Close(state, ref findings);
        var empty = (int)Math.Min((bucket - state.BucketStart) / _options.BucketWidth - 1, MaxEmptyBucketsReplayed);
        for (var i = 0; i < empty; i++)
        {
            state = Close(state with { BucketStart = state.BucketStart + _options.BucketWidth, Announcements = 0, Withdrawals = 0 }, ref findings);
        }

        return state with { BucketStart = bucket, Announcements = 0, Withdrawals = 0 };
    }

    private ChurnSourceState Close(ChurnSourceState state, ref ImmutableArray<Finding>.Builder? findings)
    {
        var count = state.Count;
        if (state.GraceUntil is { } grace && state.BucketStart < grace)
        {
            return state with { StormSince = null, StormBuckets = 0, CalmBuckets = 0 };
        }

        var threshold = Threshold(state);
        if (state.StormSince is not null)
        {
            if (state.StormBuckets >= _options.MaxStormBuckets)
            {
                return Learn(state with { StormSince = null, StormBuckets = 0, CalmBuckets = 0 }, count);
            }

            var calm = count < threshold / 2 ? state.CalmBuckets + 1 : 0;
            return calm >= _options.CalmBucketsToEnd
                ? state with { StormSince = null, StormBuckets = 0, CalmBuckets = 0 }
                : state with { StormBuckets = state.StormBuckets + 1, CalmBuckets = calm };
        }

        if (state.LearnedBuckets >= _options.WarmupBuckets && count >= threshold)
        {
            (findings ??= ImmutableArray.CreateBuilder<Finding>()).Add(Storm(state, threshold));
            return state with { StormSince = state.BucketStart, StormBuckets = 1, CalmBuckets = 0 };
        }

        return Learn(state, count);
    }

    private ChurnSourceState Learn(ChurnSourceState state, int count)
    {
        if (state.LearnedBuckets == 0)
        {
            return state with { Mean = count, Deviation = 0, LearnedBuckets = 1 };
        }

        var alpha = _options.SmoothingFactor;
        var difference = count - state.Mean;
        return state with
        {
            Mean = state.Mean + (alpha * difference),
            Deviation = ((1 - alpha) * state.Deviation) + (alpha * Math.Abs(difference)),
            LearnedBuckets = state.LearnedBuckets + 1,
        };
    }

    private double Threshold(ChurnSourceState state) =>
        Math.Max(_options.MinimumPerBucket, Math.Max(_options.StormRatio * state.Mean, state.Mean + (_options.DeviationFactor * state.Deviation)));

    private Finding Storm(ChurnSourceState state, double threshold)
    {
        var count = state.Count;
        var end = state.BucketStart + _options.BucketWidth;
        var seconds = _options.BucketWidth.TotalSeconds;
        // 0.5 at the threshold, 1 at ten times it.
        var score = 0.5 + (0.5 * Math.Log10(count / threshold));
        var subject = state.Router == state.Source ? Subjects.Router(state.Source) : new FindingSubject(SubjectKind.Session, state.Source);
        var evidence = DetectorFindings.Evidence(
            end,
            state.Router is null ? "mrt" : "bmp",
            $"{count} prefix updates ({state.Announcements} announced, {state.Withdrawals} withdrawn) in {seconds:0} s on {state.Source}; usually {state.Mean:0.#} ± {state.Deviation:0.#}",
            ("count", count.ToString(CultureInfo.InvariantCulture)),
            ("announcements", state.Announcements.ToString(CultureInfo.InvariantCulture)),
            ("withdrawals", state.Withdrawals.ToString(CultureInfo.InvariantCulture)),
            ("bucketStart", DetectorFindings.Time(state.BucketStart)),
            ("bucketSeconds", DetectorFindings.Number(seconds)),
            ("baselineMean", DetectorFindings.Number(state.Mean)),
            ("baselineDeviation", DetectorFindings.Number(state.Deviation)),
            ("threshold", DetectorFindings.Number(threshold)));
        return DetectorFindings.Create(
            FindingKind.ChurnStorm,
            subject,
            end,
            state.Router,
            score,
            $"Churn storm on {state.Source}: {count} prefix updates in {seconds:0} s, {count / Math.Max(state.Mean, 1):0.#}× its usual rate",
            evidence);
    }

    private DateTimeOffset Floor(DateTimeOffset at)
    {
        var width = _options.BucketWidth.Ticks;
        return new DateTimeOffset(at.UtcTicks - (at.UtcTicks % width), TimeSpan.Zero);
    }
}
