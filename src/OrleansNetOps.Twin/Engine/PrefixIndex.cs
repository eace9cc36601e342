using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Twin.Engine;

/// <summary>Dense ids for prefixes, so per-node tables are arrays; a fork adds new prefixes without touching its parent.</summary>
internal sealed class PrefixIndex
{
    private readonly PrefixIndex? _parent;
    private readonly int _offset;
    private readonly Dictionary<IpPrefix, int> _ids;
    private readonly List<IpPrefix> _prefixes;

    private PrefixIndex(PrefixIndex? parent, int capacity)
    {
        _parent = parent;
        _offset = parent?.Count ?? 0;
        _ids = new Dictionary<IpPrefix, int>(capacity);
        _prefixes = new List<IpPrefix>(capacity);
    }

    public int Count => _offset + _prefixes.Count;

    public static PrefixIndex Root(int capacity) => new(null, capacity);

    public PrefixIndex Fork() => new(this, 0);

    public IpPrefix this[int id] => id >= _offset ? _prefixes[id - _offset] : _parent![id];

    public int IdOf(IpPrefix prefix)
    {
        if (_ids.TryGetValue(prefix, out var id))
        {
            return id;
        }

        return _parent?.IdOf(prefix) ?? -1;
    }

    public int GetOrAdd(IpPrefix prefix)
    {
        var id = IdOf(prefix);
        if (id >= 0)
        {
            return id;
        }

        id = Count;
        _ids.Add(prefix, id);
        _prefixes.Add(prefix);
        return id;
    }
}
