using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Messages;

/// <summary>
/// What the two OPENs of a session negotiated and the receiver must know to parse UPDATEs: the AS
/// number width and the families in which NLRI carry ADD-PATH path identifiers.
/// </summary>
/// <param name="FourOctetAs">True when AS numbers in AS_PATH/AGGREGATOR are 4 octets (RFC 6793).</param>
/// <param name="AddPathFamilies">Families whose NLRI carry a path identifier (RFC 7911).</param>
/// <param name="AddPathAllFamilies">Every family carries path identifiers (MRT ADDPATH subtypes, RFC 8050).</param>
public sealed record BgpDecodingContext(
    bool FourOctetAs,
    EquatableArray<AfiSafi> AddPathFamilies = default,
    bool AddPathAllFamilies = false)
{
    /// <summary>A modern session: 4-octet AS, no ADD-PATH.</summary>
    public static BgpDecodingContext FourOctet { get; } = new(true);

    /// <summary>A legacy session: 2-octet AS, no ADD-PATH.</summary>
    public static BgpDecodingContext TwoOctet { get; } = new(false);

    /// <summary>True when NLRI of <paramref name="family"/> start with a path identifier.</summary>
    public bool HasAddPath(AfiSafi family)
    {
        if (AddPathAllFamilies)
        {
            return true;
        }

        foreach (var candidate in AddPathFamilies.AsSpan())
        {
            if (candidate == family)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The context for messages that <paramref name="sender"/> sends to <paramref name="receiver"/>:
    /// 4-octet AS when both advertise it, and path identifiers in the families where the sender may send
    /// and the receiver may receive them.
    /// </summary>
    public static BgpDecodingContext Negotiate(OpenMessage sender, OpenMessage receiver)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(receiver);
        var fourOctet = sender.FourOctetAsn is not null && receiver.FourOctetAsn is not null;
        var families = new List<AfiSafi>();
        foreach (var offer in sender.AddPathFamilies)
        {
            if ((offer.Direction & AddPathDirection.Send) == 0)
            {
                continue;
            }

            if (receiver.AddPathFamilies.Any(r => r.Family == offer.Family && (r.Direction & AddPathDirection.Receive) != 0))
            {
                families.Add(offer.Family);
            }
        }

        return new BgpDecodingContext(fourOctet, families.ToArray());
    }
}
