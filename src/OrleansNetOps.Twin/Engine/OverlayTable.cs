namespace OrleansNetOps.Twin.Engine;

/// <summary>
/// A table indexed by prefix id that a what-if can fork copy-on-write: the root owns a dense array; a fork owns
/// only the entries it changed and reads everything else through its parent, which it never writes. A fork starts
/// with a dictionary and switches to a dense array plus "set" flags once it holds a sizeable share of the table
/// (a change touching a full table would otherwise pay a hash insert per prefix).
/// </summary>
internal sealed class OverlayTable<T>
    where T : class
{
    private const int DenseMinimum = 1024;

    private readonly OverlayTable<T>? _parent;
    private Dictionary<int, T?>? _overlay;
    private T?[] _items;
    private bool[]? _set;
    private int _count;

    private OverlayTable(OverlayTable<T>? parent, int capacity)
    {
        _parent = parent;
        _overlay = parent is null ? null : [];
        _items = parent is null ? new T?[Math.Max(capacity, 4)] : [];
    }

    public int OverlayCount => _overlay?.Count ?? (_set is null ? 0 : _count);

    public bool IsFork => _parent is not null;

    /// <summary>The id range the table (with its ancestors) covers densely.</summary>
    private int Length => _parent is null ? _items.Length : Math.Max(_items.Length, _parent.Length);

    public static OverlayTable<T> Root(int capacity) => new(null, capacity);

    public OverlayTable<T> Fork() => new(this, 0);

    public T? Get(int id)
    {
        if (_set is not null)
        {
            return (uint)id < (uint)_set.Length && _set[id] ? _items[id] : _parent!.Get(id);
        }

        if (_overlay is not null)
        {
            return _overlay.TryGetValue(id, out var value) ? value : _parent!.Get(id);
        }

        return (uint)id < (uint)_items.Length ? _items[id] : null;
    }

    public void Set(int id, T? value)
    {
        if (_overlay is not null)
        {
            _overlay[id] = value;
            if (_overlay.Count >= DenseMinimum && _overlay.Count >= _parent!.Length / 16)
            {
                ToDense();
            }

            return;
        }

        if (id >= _items.Length)
        {
            var size = Math.Max(id + 1, _items.Length * 2);
            Array.Resize(ref _items, size);
            if (_set is not null)
            {
                Array.Resize(ref _set, size);
            }
        }

        _items[id] = value;
        if (_set is not null && !_set[id])
        {
            _set[id] = true;
            _count++;
        }
    }

    private void ToDense()
    {
        var size = Math.Max(Length, 4);
        foreach (var id in _overlay!.Keys)
        {
            size = Math.Max(size, id + 1);
        }

        _items = new T?[size];
        _set = new bool[size];
        foreach (var (id, value) in _overlay)
        {
            _items[id] = value;
            _set[id] = true;
        }

        _count = _overlay.Count;
        _overlay = null;
    }
}
