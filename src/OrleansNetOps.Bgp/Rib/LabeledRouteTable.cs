using System.Runtime.InteropServices;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Rib;

/// <summary>
/// The store behind <see cref="LabeledRib"/> for one key layout. A route costs its key plus 8 bytes: the attribute-set
/// index and the label. Nearly every route has a single label; deeper stacks (RFC 8277 allows several) go to a side
/// table so that they cost nothing to the rest.
/// </summary>
/// <typeparam name="TKey">IPv4 or IPv6 key.</typeparam>
internal sealed class LabeledRouteTable<TKey>(AttributeSetTable attributeSets, bool vpn, int capacity)
    where TKey : struct, ILabeledRouteKey<TKey>
{
    // Labels are 20 bits; the top bit of the stored label says "the whole stack is in _stacks".
    private const uint Stacked = 1u << 31;

    private readonly Dictionary<TKey, Slot> _routes = new(capacity);
    private Dictionary<TKey, EquatableArray<uint>>? _stacks;

    public int Count => _routes.Count;

    public RibChange Announce(in LabeledNlri route, PathAttributes attributes)
    {
        var key = TKey.Of(route);
        var labels = route.Labels;
        var label = labels.Count == 1 ? labels[0] : Stacked;
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_routes, key, out var exists);
        if (!exists)
        {
            slot = new Slot(attributeSets.Acquire(attributes), label);
            if (label == Stacked)
            {
                (_stacks ??= [])[key] = labels;
            }

            return RibChange.Added;
        }

        var current = attributeSets.Get(slot.Attributes);
        var sameLabels = slot.Label == label && (label != Stacked || _stacks![key] == labels);
        if (sameLabels && (ReferenceEquals(current, attributes) || current.Equals(attributes)))
        {
            return RibChange.Unchanged;
        }

        var index = attributeSets.Acquire(attributes);
        attributeSets.Release(slot.Attributes);
        if (slot.Label == Stacked && label != Stacked)
        {
            _stacks!.Remove(key);
        }
        else if (label == Stacked)
        {
            (_stacks ??= [])[key] = labels;
        }

        slot = new Slot(index, label);
        return RibChange.Replaced;
    }

    public bool Withdraw(in LabeledNlri route)
    {
        var key = TKey.Of(route);
        if (!_routes.Remove(key, out var slot))
        {
            return false;
        }

        attributeSets.Release(slot.Attributes);
        if (slot.Label == Stacked)
        {
            _stacks!.Remove(key);
        }

        return true;
    }

    public bool TryGet(in LabeledNlri route, out LabeledRibRoute found)
    {
        var key = TKey.Of(route);
        if (!_routes.TryGetValue(key, out var slot))
        {
            found = default;
            return false;
        }

        found = Route(key, slot);
        return true;
    }

    public IEnumerable<LabeledRibRoute> Routes()
    {
        foreach (var (key, slot) in _routes)
        {
            yield return Route(key, slot);
        }
    }

    public void Clear()
    {
        foreach (var slot in _routes.Values)
        {
            attributeSets.Release(slot.Attributes);
        }

        _routes.Clear();
        _stacks = null;
    }

    private LabeledRibRoute Route(TKey key, Slot slot) =>
        new(key.ToNlri(slot.Label == Stacked ? _stacks![key] : new[] { slot.Label }, vpn), attributeSets.Get(slot.Attributes));

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Slot(int Attributes, uint Label);
}
