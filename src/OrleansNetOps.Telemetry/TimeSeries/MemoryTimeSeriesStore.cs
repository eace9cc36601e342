namespace OrleansNetOps.Telemetry.TimeSeries;

/// <summary>
/// The embedded default: a bounded ring of raw points per series (the oldest point gives way when a ring is full),
/// plus rollups kept by <see cref="MaintainAsync"/>. Nothing touches disk; a restart forgets everything.
/// Thread-safe.
/// </summary>
public sealed class MemoryTimeSeriesStore : ITimeSeriesStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SeriesKey, Series> _series = [];
    private readonly int _pointsPerSeries;
    private readonly TimeSeriesRetention _retention;

    /// <summary>Creates the store.</summary>
    /// <param name="pointsPerSeries">Ring size per series.</param>
    /// <param name="retention">Raw and rollup retention for <see cref="MaintainAsync"/>.</param>
    public MemoryTimeSeriesStore(int pointsPerSeries = 100_000, TimeSeriesRetention? retention = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerSeries, 1);
        _pointsPerSeries = pointsPerSeries;
        _retention = retention ?? new TimeSeriesRetention();
    }

    /// <summary>Series held.</summary>
    public int SeriesCount
    {
        get
        {
            lock (_gate)
            {
                return _series.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        lock (_gate)
        {
            foreach (var sample in samples)
            {
                var key = sample.Series;
                if (!_series.TryGetValue(key, out var series))
                {
                    series = new Series(_pointsPerSeries);
                    _series[key] = series;
                }

                series.Add(new MetricPoint(sample.Time, sample.Value));
                if (sample.Tags is { Count: > 0 } tags)
                {
                    series.Tags = tags;
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MetricPoint>> QueryAsync(SeriesKey series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        lock (_gate)
        {
            IReadOnlyList<MetricPoint> points = _series.TryGetValue(series, out var s)
                ? s.Points().Where(p => p.Time >= from && p.Time <= to).OrderBy(p => p.Time).ToList() // OrderBy is stable: equal times stay in write order.
                : [];
            return Task.FromResult(points);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MetricRollup>> QueryMinutesAsync(SeriesKey series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        lock (_gate)
        {
            if (!_series.TryGetValue(series, out var s))
            {
                return Task.FromResult<IReadOnlyList<MetricRollup>>([]);
            }

            var raw = MinuteRollups.Summarise(s.Points().Where(p => p.Time >= from && p.Time <= to));
            var stored = s.Rollups.Values.Where(r => r.Minute >= MinuteRollups.MinuteOf(from) && r.Minute <= to);
            return Task.FromResult(MinuteRollups.Merge(stored.Concat(raw)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesKey>> ListSeriesAsync(string router, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SeriesKey> keys = _series.Keys.Where(k => k.Router == router).OrderBy(k => k.Path, StringComparer.Ordinal).ToList();
            return Task.FromResult(keys);
        }
    }

    /// <summary>The labels last written with a series, if any.</summary>
    public IReadOnlyDictionary<string, string>? TagsOf(SeriesKey series)
    {
        lock (_gate)
        {
            return _series.TryGetValue(series, out var s) ? s.Tags : null;
        }
    }

    /// <inheritdoc />
    public Task<TimeSeriesMaintenanceResult> MaintainAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var rawCutoff = _retention.RawCutoff(now);
        var rollupCutoff = _retention.RollupCutoff(now);
        long rolled = 0, deleted = 0;
        lock (_gate)
        {
            foreach (var series in _series.Values)
            {
                var old = series.RemoveOlderThan(rawCutoff);
                rolled += old.Count;
                foreach (var rollup in MinuteRollups.Summarise(old))
                {
                    series.Rollups[rollup.Minute] = series.Rollups.TryGetValue(rollup.Minute, out var existing) ? existing.Merge(rollup) : rollup;
                }

                foreach (var minute in series.Rollups.Keys.Where(m => m < rollupCutoff).ToList())
                {
                    series.Rollups.Remove(minute);
                    deleted++;
                }
            }
        }

        return Task.FromResult(new TimeSeriesMaintenanceResult(rolled, deleted));
    }

    private sealed class Series(int capacity)
    {
        // Grows to the capacity on demand, so a thousand quiet series do not each reserve a full ring.
        private MetricPoint[] _ring = new MetricPoint[Math.Min(capacity, 64)];
        private int _start;
        private int _count;

        public IReadOnlyDictionary<string, string>? Tags { get; set; }

        public SortedDictionary<DateTimeOffset, MetricRollup> Rollups { get; } = [];

        public void Add(MetricPoint point)
        {
            if (_count == _ring.Length && _ring.Length < capacity)
            {
                // Not yet wrapped (_start is 0 until the ring is full), so a plain copy keeps the order.
                Array.Resize(ref _ring, Math.Min(capacity, _ring.Length * 2));
            }

            if (_count < _ring.Length)
            {
                _ring[(_start + _count) % _ring.Length] = point;
                _count++;
            }
            else
            {
                // Full: the oldest write gives way, which keeps memory fixed per series.
                _ring[_start] = point;
                _start = (_start + 1) % _ring.Length;
            }
        }

        public IEnumerable<MetricPoint> Points()
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _ring[(_start + i) % _ring.Length];
            }
        }

        public List<MetricPoint> RemoveOlderThan(DateTimeOffset cutoff)
        {
            var kept = new List<MetricPoint>(_count);
            var removed = new List<MetricPoint>();
            foreach (var point in Points())
            {
                (point.Time < cutoff ? removed : kept).Add(point);
            }

            if (removed.Count > 0)
            {
                _start = 0;
                _count = kept.Count;
                kept.CopyTo(_ring);
                Array.Clear(_ring, _count, _ring.Length - _count);
            }

            return removed;
        }
    }
}
