using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>Reads and writes the NLRI of the labelled families: labelled unicast (RFC 8277) and L3VPN (RFC 4364).</summary>
public static class LabeledNlriCodec
{
    // RFC 8277 section 2.1: at most as many labels as fit the one-octet length with the prefix.
    private const int MaxLabels = 8;

    /// <summary>True for SAFI 4 and 128 over IPv4/IPv6.</summary>
    public static bool Supports(AfiSafi family) =>
        family.Afi is Afi.IPv4 or Afi.IPv6 && family.Safi is Safi.MplsLabel or Safi.MplsVpn;

    /// <summary>Decodes the NLRI field of an MP_REACH_NLRI or MP_UNREACH_NLRI of a labelled family.</summary>
    /// <param name="nlri">The NLRI bytes.</param>
    /// <param name="family">SAFI 4 or 128 family.</param>
    /// <param name="addPath">Whether each entry starts with a path identifier.</param>
    /// <param name="withdrawal">
    /// Withdrawals may carry a single placeholder label (0x800000 or 0x000000) without the bottom-of-stack
    /// bit (RFC 8277 section 2.4), so the label stack is one entry whatever its bit says.
    /// </param>
    /// <exception cref="BgpDecodeException">The bytes are malformed.</exception>
    public static EquatableArray<LabeledNlri> Decode(ReadOnlySpan<byte> nlri, AfiSafi family, bool addPath, bool withdrawal) =>
        Decode(new WireReader(nlri), family, addPath, withdrawal);

    // Field names are constants: building them per entry would allocate per route.
    internal static EquatableArray<LabeledNlri> Decode(WireReader reader, AfiSafi family, bool addPath, bool withdrawal)
    {
        if (!Supports(family))
        {
            throw new ArgumentException($"{family} is not a labelled family", nameof(family));
        }

        if (reader.IsEmpty)
        {
            return EquatableArray<LabeledNlri>.Empty;
        }

        var vpn = family.Safi == Safi.MplsVpn;
        var ipv6 = family.Afi == Afi.IPv6;
        var result = new List<LabeledNlri>(Math.Max(1, reader.Remaining / (vpn ? 16 : 8)));
        Span<byte> address = stackalloc byte[16];
        Span<uint> labels = stackalloc uint[MaxLabels];

        // A VRF's routes mostly share one label (per-VRF allocation): they share one immutable label array too.
        uint[]? single = null;
        while (!reader.IsEmpty)
        {
            uint? pathId = addPath ? reader.ReadUInt32("labelled NLRI path identifier") : null;
            var lengthOffset = reader.Offset;
            int bits = reader.ReadByte("labelled NLRI length");
            var count = 0;
            while (true)
            {
                var label = reader.ReadBytes(3, "labelled NLRI label");
                if (count == MaxLabels)
                {
                    throw new BgpDecodeException("labelled NLRI label", reader.Offset - 3, $"more than {MaxLabels} labels without bottom of stack");
                }

                labels[count++] = (uint)((label[0] << 12) | (label[1] << 4) | (label[2] >> 4));
                bits -= 24;
                if ((label[2] & 1) != 0 || withdrawal || bits < 24)
                {
                    break;
                }
            }

            RouteDistinguisher? distinguisher = null;
            if (vpn)
            {
                distinguisher = new RouteDistinguisher(reader.ReadUInt64("labelled NLRI route distinguisher"));
                bits -= 64;
            }

            if (bits < 0 || bits > (ipv6 ? 128 : 32))
            {
                throw new BgpDecodeException("labelled NLRI length", lengthOffset, $"leaves {bits} prefix bits");
            }

            address.Clear();
            reader.ReadBytes((bits + 7) / 8, "labelled NLRI prefix").CopyTo(address);
            var stack = count == 1 && single?[0] == labels[0] ? single : labels[..count].ToArray();
            single = count == 1 ? stack : single;
            result.Add(new LabeledNlri(IpPrefix.FromBytes(ipv6, address, bits), stack, distinguisher, pathId));
        }

        return result.ToArray();
    }

    /// <summary>Encodes <paramref name="routes"/> as the NLRI field of <paramref name="family"/>, bottom-of-stack bit on the last label.</summary>
    /// <exception cref="ArgumentException">A route has no label, too many labels, a label over 20 bits, or a distinguisher that does not fit the family.</exception>
    public static byte[] Encode(ReadOnlySpan<LabeledNlri> routes, AfiSafi family, bool addPath)
    {
        var writer = new WireWriter();
        Encode(writer, routes, family, addPath);
        return writer.ToArray();
    }

    internal static void Encode(WireWriter writer, ReadOnlySpan<LabeledNlri> routes, AfiSafi family, bool addPath)
    {
        if (!Supports(family))
        {
            throw new ArgumentException($"{family} is not a labelled family", nameof(family));
        }

        var vpn = family.Safi == Safi.MplsVpn;
        Span<byte> address = stackalloc byte[16];
        foreach (var route in routes)
        {
            if (route.Labels.Count is 0 or > MaxLabels || route.Labels.AsSpan().ContainsAnyExceptInRange(0u, 0xFFFFFu))
            {
                throw new ArgumentException($"{route}: 1 to {MaxLabels} labels of 20 bits are needed", nameof(routes));
            }

            if (route.Distinguisher.HasValue != vpn || route.Prefix.IsIPv6 != (family.Afi == Afi.IPv6))
            {
                throw new ArgumentException($"{route} does not fit {family}", nameof(routes));
            }

            if (addPath)
            {
                writer.WriteUInt32(route.PathId ?? 0);
            }

            writer.WriteByte((byte)((route.Labels.Count * 24) + (vpn ? 64 : 0) + route.Prefix.Length));
            for (var i = 0; i < route.Labels.Count; i++)
            {
                var entry = (route.Labels[i] << 4) | (i == route.Labels.Count - 1 ? 1u : 0u);
                writer.WriteByte((byte)(entry >> 16));
                writer.WriteByte((byte)(entry >> 8));
                writer.WriteByte((byte)entry);
            }

            if (route.Distinguisher is { } rd)
            {
                writer.WriteUInt64(rd.Value);
            }

            route.Prefix.WriteAddress(address);
            writer.WriteBytes(address[..route.Prefix.WireByteCount]);
        }
    }
}
