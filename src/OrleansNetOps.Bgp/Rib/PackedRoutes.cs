using System.Net;
using Orleans;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Rib;

/// <summary>
/// Routes (prefix and path attributes) in the form they cross grain calls: each distinct attribute set once, in BGP
/// wire format with its next hop, and the prefixes packed behind an index into those sets. A full table of a
/// million routes shares a few tens of thousands of attribute sets, so this is a fraction of the object graph's size.
/// </summary>
/// <param name="AttributeSets">Per set: next-hop length (0, 4 or 16), the next hop, then the attributes as on the wire (4-octet AS).</param>
/// <param name="Routes">Per route: family (4 or 6), prefix length, the prefix's significant bytes, and a 4-byte set index.</param>
/// <param name="Count">Number of routes.</param>
[GenerateSerializer, Immutable]
public sealed record PackedRoutes(byte[][] AttributeSets, byte[] Routes, int Count)
{
    /// <summary>No routes.</summary>
    public static PackedRoutes Empty { get; } = new([], [], 0);

    /// <summary>Packs routes, sharing equal attribute sets.</summary>
    public static PackedRoutes Pack(IEnumerable<(IpPrefix Prefix, PathAttributes Attributes)> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var sets = new Dictionary<PathAttributes, int>();
        var encodedSets = new List<byte[]>();
        var packed = new WireWriter(64 * 1024);
        var count = 0;
        Span<byte> address = stackalloc byte[16];
        foreach (var (prefix, attributes) in routes)
        {
            if (!sets.TryGetValue(attributes, out var index))
            {
                index = encodedSets.Count;
                sets.Add(attributes, index);
                encodedSets.Add(EncodeSet(attributes));
            }

            packed.WriteByte(prefix.IsIPv6 ? (byte)6 : (byte)4);
            packed.WriteByte((byte)prefix.Length);
            prefix.WriteAddress(address);
            packed.WriteBytes(address[..((prefix.Length + 7) / 8)]);
            packed.WriteUInt32((uint)index);
            count++;
        }

        return new PackedRoutes([.. encodedSets], packed.ToArray(), count);
    }

    /// <summary>The routes, in packing order; equal attribute sets come back as one shared instance.</summary>
    public IReadOnlyList<(IpPrefix Prefix, PathAttributes Attributes)> Unpack()
    {
        var sets = AttributeSets.Select(DecodeSet).ToArray();
        var result = new List<(IpPrefix, PathAttributes)>(Count);
        var reader = new WireReader(Routes);
        for (var i = 0; i < Count; i++)
        {
            var ipv6 = reader.ReadByte("family") == 6;
            var length = reader.ReadByte("prefix length");
            var prefix = IpPrefix.FromBytes(ipv6, reader.ReadBytes((length + 7) / 8, "prefix"), length);
            result.Add((prefix, sets[reader.ReadUInt32("attribute set")]));
        }

        return result;
    }

    private static byte[] EncodeSet(PathAttributes attributes)
    {
        var writer = new WireWriter();
        var nextHop = attributes.NextHop?.GetAddressBytes() ?? [];
        writer.WriteByte((byte)nextHop.Length);
        writer.WriteBytes(nextHop);
        PathAttributeCodec.Encode(writer, attributes with { NextHop = null }, null, null, BgpDecodingContext.FourOctet);
        return writer.ToArray();
    }

    private static PathAttributes DecodeSet(byte[] set)
    {
        var nextHopLength = set[0];
        var nextHop = nextHopLength == 0 ? null : new IPAddress(set.AsSpan(1, nextHopLength));
        var attributes = PathAttributeCodec.Decode(set.AsSpan(1 + nextHopLength), 0, BgpDecodingContext.FourOctet, null, null, out _, out _);
        return attributes with { NextHop = nextHop };
    }
}
