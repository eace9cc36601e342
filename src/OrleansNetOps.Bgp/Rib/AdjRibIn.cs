using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Rib;

/// <summary>
/// The routes one peer has sent in one address family (RFC 4271 Adj-RIB-In); pre- and post-policy are
/// simply two instances. Sized for full tables: a route is a packed key (IPv4: 12 bytes, IPv6: 24 bytes)
/// mapped to a 4-byte index into a shared <see cref="AttributeSetTable"/>, never an object per route.
/// Enumeration order is deterministic — the same operations give the same order — and does not change
/// while the RIB is not modified. Not thread-safe.
/// </summary>
public sealed class AdjRibIn
{
    private readonly Dictionary<Ipv4RouteKey, int>? _ipv4;
    private readonly Dictionary<Ipv6RouteKey, int>? _ipv6;

    /// <summary>Creates an empty RIB for <paramref name="afi"/> (IPv4 or IPv6).</summary>
    /// <param name="afi">Address family of every route.</param>
    /// <param name="attributeSets">Table to share with other RIBs; a private one when null.</param>
    /// <param name="capacity">Routes to make room for up front, e.g. a full table, to avoid rehashing.</param>
    public AdjRibIn(Afi afi, AttributeSetTable? attributeSets = null, int capacity = 0)
    {
        switch (afi)
        {
            case Afi.IPv4:
                _ipv4 = new Dictionary<Ipv4RouteKey, int>(capacity);
                break;
            case Afi.IPv6:
                _ipv6 = new Dictionary<Ipv6RouteKey, int>(capacity);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(afi), afi, "an Adj-RIB-In holds IPv4 or IPv6 prefixes");
        }

        Afi = afi;
        AttributeSets = attributeSets ?? new AttributeSetTable();
    }

    /// <summary>Address family of the routes.</summary>
    public Afi Afi { get; }

    /// <summary>The table the attribute sets are numbered in.</summary>
    public AttributeSetTable AttributeSets { get; }

    /// <summary>Number of routes (prefix and path identifier pairs).</summary>
    public int Count => _ipv4?.Count ?? _ipv6!.Count;

    /// <summary>Adds <paramref name="route"/> or replaces its attributes (implicit withdraw).</summary>
    /// <exception cref="ArgumentException">The prefix is not of this RIB's family.</exception>
    public RibChange Announce(Nlri route, PathAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        CheckFamily(route);
        ref var slot = ref _ipv4 is not null
            ? ref CollectionsMarshal.GetValueRefOrAddDefault(_ipv4, Ipv4Key(route), out var exists)
            : ref CollectionsMarshal.GetValueRefOrAddDefault(_ipv6!, Ipv6Key(route), out exists);
        if (!exists)
        {
            slot = AttributeSets.Acquire(attributes);
            return RibChange.Added;
        }

        var current = AttributeSets.Get(slot);
        if (ReferenceEquals(current, attributes) || current.Equals(attributes))
        {
            return RibChange.Unchanged;
        }

        var index = AttributeSets.Acquire(attributes);
        AttributeSets.Release(slot);
        slot = index;
        return RibChange.Replaced;
    }

    /// <summary>Removes <paramref name="route"/>; false when it was not present.</summary>
    public bool Withdraw(Nlri route)
    {
        if (route.Prefix.IsIPv6 != (Afi == Afi.IPv6))
        {
            return false;
        }

        var removed = _ipv4 is not null
            ? _ipv4.Remove(Ipv4Key(route), out var index)
            : _ipv6!.Remove(Ipv6Key(route), out index);
        if (removed)
        {
            AttributeSets.Release(index);
        }

        return removed;
    }

    /// <summary>Looks up the attributes of <paramref name="route"/>.</summary>
    public bool TryGetAttributes(Nlri route, [MaybeNullWhen(false)] out PathAttributes attributes)
    {
        attributes = null;
        if (route.Prefix.IsIPv6 != (Afi == Afi.IPv6))
        {
            return false;
        }

        var found = _ipv4 is not null
            ? _ipv4.TryGetValue(Ipv4Key(route), out var index)
            : _ipv6!.TryGetValue(Ipv6Key(route), out index);
        if (found)
        {
            attributes = AttributeSets.Get(index);
        }

        return found;
    }

    /// <summary>True when <paramref name="route"/> is present.</summary>
    public bool Contains(Nlri route) => TryGetAttributes(route, out _);

    /// <summary>All routes; modifying the RIB while enumerating throws.</summary>
    public IEnumerable<RibRoute> Routes => _ipv4 is not null ? EnumerateIPv4(_ipv4) : EnumerateIPv6(_ipv6!);

    /// <summary>Removes every route, e.g. on Peer Down.</summary>
    public void Clear()
    {
        if (_ipv4 is not null)
        {
            foreach (var index in _ipv4.Values)
            {
                AttributeSets.Release(index);
            }

            _ipv4.Clear();
        }
        else
        {
            foreach (var index in _ipv6!.Values)
            {
                AttributeSets.Release(index);
            }

            _ipv6.Clear();
        }
    }

    private static Ipv4RouteKey Ipv4Key(Nlri route) =>
        new((uint)(route.Prefix.High >> 32), route.PathId.GetValueOrDefault(), (byte)route.Prefix.Length, route.PathId.HasValue);

    private static Ipv6RouteKey Ipv6Key(Nlri route) =>
        new(route.Prefix.High, route.Prefix.Low, route.PathId.GetValueOrDefault(), (byte)route.Prefix.Length, route.PathId.HasValue);

    private static Nlri ToNlri(bool isIPv6, ulong high, ulong low, byte length, uint pathId, bool hasPathId) =>
        new(IpPrefix.FromWords(isIPv6, high, low, length), hasPathId ? pathId : null);

    private IEnumerable<RibRoute> EnumerateIPv4(Dictionary<Ipv4RouteKey, int> routes)
    {
        foreach (var (key, index) in routes)
        {
            yield return new RibRoute(ToNlri(false, (ulong)key.Address << 32, 0, key.Length, key.PathId, key.HasPathId), AttributeSets.Get(index));
        }
    }

    private IEnumerable<RibRoute> EnumerateIPv6(Dictionary<Ipv6RouteKey, int> routes)
    {
        foreach (var (key, index) in routes)
        {
            yield return new RibRoute(ToNlri(true, key.High, key.Low, key.Length, key.PathId, key.HasPathId), AttributeSets.Get(index));
        }
    }

    private void CheckFamily(Nlri route)
    {
        if (route.Prefix.IsIPv6 != (Afi == Afi.IPv6))
        {
            throw new ArgumentException($"{route} is not an {Afi} prefix", nameof(route));
        }
    }
}
