using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>Decodes the NLRI of labelled and VPN families, which this library otherwise keeps as bytes.</summary>
public static class LabeledNlriCodec
{
    /// <summary>True for SAFI 4 and 128 over IPv4/IPv6.</summary>
    public static bool Supports(AfiSafi family) =>
        family.Afi is Afi.IPv4 or Afi.IPv6 && family.Safi is Safi.MplsLabel or Safi.MplsVpn;

    /// <summary>Decodes <paramref name="nlri"/> (e.g. <see cref="Attributes.MpReachNlri.UndecodedNlri"/>).</summary>
    /// <param name="nlri">The NLRI bytes.</param>
    /// <param name="family">SAFI 4 or 128 family.</param>
    /// <param name="addPath">Whether each entry starts with a path identifier.</param>
    /// <param name="withdrawal">
    /// Withdrawals may carry a single placeholder label (0x800000 or 0x000000) without the bottom-of-stack
    /// bit (RFC 8277 section 2.4), so the label stack is one entry whatever its bit says.
    /// </param>
    /// <exception cref="BgpDecodeException">The bytes are malformed.</exception>
    public static EquatableArray<LabeledNlri> Decode(ReadOnlySpan<byte> nlri, AfiSafi family, bool addPath, bool withdrawal)
    {
        if (!Supports(family))
        {
            throw new ArgumentException($"{family} is not a labelled family", nameof(family));
        }

        var reader = new WireReader(nlri);
        var vpn = family.Safi == Safi.MplsVpn;
        var ipv6 = family.Afi == Afi.IPv6;
        var result = new List<LabeledNlri>();
        Span<byte> address = stackalloc byte[16];
        while (!reader.IsEmpty)
        {
            uint? pathId = addPath ? reader.ReadUInt32("labelled NLRI path identifier") : null;
            var lengthOffset = reader.Offset;
            int bits = reader.ReadByte("labelled NLRI length");
            var labels = new List<uint>(1);
            while (true)
            {
                var b0 = reader.ReadByte("labelled NLRI label");
                var b1 = reader.ReadByte("labelled NLRI label");
                var b2 = reader.ReadByte("labelled NLRI label");
                labels.Add((uint)((b0 << 12) | (b1 << 4) | (b2 >> 4)));
                bits -= 24;
                if ((b2 & 1) != 0 || withdrawal || bits < 24)
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
            result.Add(new LabeledNlri(IpPrefix.FromBytes(ipv6, address, bits), labels.ToArray(), distinguisher, pathId));
        }

        return result.ToArray();
    }
}
