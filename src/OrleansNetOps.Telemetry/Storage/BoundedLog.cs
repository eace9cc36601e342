namespace OrleansNetOps.Telemetry.Storage;

/// <summary>A fixed-capacity, thread-safe log of entries in arrival order; the oldest entry gives way when full.</summary>
internal sealed class BoundedLog<T>(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _entries = new();
    private long _evicted;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public long Evicted => Interlocked.Read(ref _evicted);

    public void Add(T entry)
    {
        lock (_gate)
        {
            if (_entries.Count >= capacity)
            {
                _entries.Dequeue();
                Interlocked.Increment(ref _evicted);
            }

            _entries.Enqueue(entry);
        }
    }

    public List<T> Snapshot(Func<T, bool> include)
    {
        lock (_gate)
        {
            return _entries.Where(include).ToList();
        }
    }

    /// <summary>The newest entries that match, newest first (entries are kept in arrival order).</summary>
    public List<T> Newest(Func<T, bool> include, int limit) => Snapshot(include).AsEnumerable().Reverse().Take(limit).ToList();
}
