namespace OrleansNetOps.Twin.Engine;

/// <summary>
/// A table indexed by prefix id that a what-if can fork copy-on-write: the root owns a dense array; a fork owns
/// only the entries it changed (a dictionary) and reads everything else through its parent, which it never writes.
/// </summary>
internal sealed class OverlayTable<T>
    where T : class
{
    private readonly OverlayTable<T>? _parent;
    private readonly Dictionary<int, T?>? _overlay;
    private T?[] _items;

    private OverlayTable(OverlayTable<T>? parent, int capacity)
    {
        _parent = parent;
        _overlay = parent is null ? null : [];
        _items = parent is null ? new T?[Math.Max(capacity, 4)] : [];
    }

    public int OverlayCount => _overlay?.Count ?? 0;

    public bool IsFork => _parent is not null;

    public static OverlayTable<T> Root(int capacity) => new(null, capacity);

    public OverlayTable<T> Fork() => new(this, 0);

    public T? Get(int id)
    {
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
            return;
        }

        if (id >= _items.Length)
        {
            Array.Resize(ref _items, Math.Max(id + 1, _items.Length * 2));
        }

        _items[id] = value;
    }
}
