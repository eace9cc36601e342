using System.Runtime.InteropServices;

namespace OrleansNetOps.Bgp.Attributes;

/// <summary>
/// Shares equal <see cref="PathAttributes"/> instances. It also remembers the wire bytes each set was
/// decoded from, so a repeated attribute block (the common case in a table transfer) skips decoding
/// entirely. Not thread-safe: use one per decoding pipeline (e.g. per BMP session or MRT file).
/// </summary>
public sealed class AttributeSetInterner
{
    private readonly Dictionary<PathAttributes, PathAttributes> _sets = [];
    private readonly Dictionary<byte[], PathAttributes>[] _byWire =
        [new(WireKeyComparer.Instance), new(WireKeyComparer.Instance)];

    private readonly Dictionary<byte[], PathAttributes>.AlternateLookup<ReadOnlySpan<byte>>[] _byWireLookup;
    private readonly int _maxWireEntries;

    /// <summary>Creates an interner whose wire-byte cache holds at most <paramref name="maxWireEntries"/> blocks.</summary>
    public AttributeSetInterner(int maxWireEntries = 1 << 20)
    {
        _maxWireEntries = maxWireEntries;
        _byWireLookup = [_byWire[0].GetAlternateLookup<ReadOnlySpan<byte>>(), _byWire[1].GetAlternateLookup<ReadOnlySpan<byte>>()];
    }

    /// <summary>Number of distinct attribute sets seen.</summary>
    public int Count => _sets.Count;

    /// <summary>Returns the shared instance equal to <paramref name="attributes"/>, adding it when new.</summary>
    public PathAttributes Intern(PathAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_sets, attributes, out var exists);
        if (!exists)
        {
            slot = attributes;
        }

        return slot!;
    }

    // The same bytes mean different AS paths on 2-octet and 4-octet sessions, hence one cache per mode.
    internal bool TryGetByWire(bool fourOctetAs, ReadOnlySpan<byte> key, out PathAttributes attributes) =>
        _byWireLookup[fourOctetAs ? 1 : 0].TryGetValue(key, out attributes!);

    internal void AddByWire(bool fourOctetAs, ReadOnlySpan<byte> key, PathAttributes attributes)
    {
        var index = fourOctetAs ? 1 : 0;
        if (_byWire[index].Count >= _maxWireEntries)
        {
            // Unbounded churn (e.g. a stream of unique MEDs) must not grow memory without limit.
            _byWire[index].Clear();
        }

        _byWireLookup[index].TryAdd(key, attributes);
    }

    private sealed class WireKeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static WireKeyComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
