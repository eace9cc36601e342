using System.Runtime.InteropServices;
using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Rib;

/// <summary>
/// Numbers the distinct attribute sets held by one or more <see cref="AdjRibIn"/> instances, so a route
/// stores a 4-byte index instead of an 8-byte reference, and counts references so that a set no route
/// uses any more is released and its index reused (churn must not grow memory). Share one table between
/// the RIBs of a router: pre- and post-policy and all peers then pay for each set once. Not thread-safe.
/// </summary>
public sealed class AttributeSetTable
{
    private readonly Dictionary<PathAttributes, int> _indices = [];
    private readonly Stack<int> _free = new();
    private PathAttributes?[] _sets = new PathAttributes?[64];
    private int[] _references = new int[64];
    private int _used;

    // Consecutive routes of a table transfer mostly share one set, which then costs no hashing at all.
    private PathAttributes? _lastSet;
    private int _lastIndex;

    /// <summary>Number of distinct attribute sets referenced by at least one route.</summary>
    public int Count => _indices.Count;

    /// <summary>The attribute set with index <paramref name="index"/>.</summary>
    public PathAttributes this[int index] =>
        (uint)index < (uint)_used && _sets[index] is { } set ? set : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Number of routes referring to the set with index <paramref name="index"/>.</summary>
    public int ReferenceCount(int index) => (uint)index < (uint)_used ? _references[index] : 0;

    internal int Acquire(PathAttributes attributes)
    {
        int index;
        if (ReferenceEquals(attributes, _lastSet))
        {
            index = _lastIndex;
        }
        else
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_indices, attributes, out var exists);
            if (!exists)
            {
                slot = Allocate(attributes);
            }

            index = slot;
            _lastSet = attributes;
            _lastIndex = index;
        }

        _references[index]++;
        return index;
    }

    internal void Release(int index)
    {
        if (--_references[index] > 0)
        {
            return;
        }

        _indices.Remove(_sets[index]!);
        _sets[index] = null;
        _free.Push(index);
        if (_lastIndex == index)
        {
            _lastSet = null;
        }
    }

    internal PathAttributes Get(int index) => _sets[index]!;

    private int Allocate(PathAttributes attributes)
    {
        if (!_free.TryPop(out var index))
        {
            if (_used == _sets.Length)
            {
                Array.Resize(ref _sets, _used * 2);
                Array.Resize(ref _references, _used * 2);
            }

            index = _used++;
        }

        _sets[index] = attributes;
        return index;
    }
}
