using System.Net;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>
/// Remembers the OPENs seen per BGP4MP session. Some dumpers (BIRD) record ADD-PATH sessions with the
/// plain MESSAGE subtypes, so the only way to know that NLRI carry path identifiers is the OPEN that
/// negotiated them earlier in the same file.
/// </summary>
internal sealed class MrtSessionTable
{
    private readonly Dictionary<(IPAddress Peer, IPAddress Local), (OpenMessage? Received, OpenMessage? Sent)> _opens = [];

    public void Observe(Bgp4mpPeering peering, bool local, OpenMessage open)
    {
        var key = (peering.PeerAddress, peering.LocalAddress);
        _opens.TryGetValue(key, out var pair);
        _opens[key] = local ? pair with { Sent = open } : pair with { Received = open };
    }

    /// <summary>
    /// ADD-PATH families for messages flowing in the given direction (empty when unknown), and whether
    /// both OPENs were seen, i.e. whether the answer is known rather than inferred from one side's offer.
    /// </summary>
    public (EquatableArray<AfiSafi> Families, bool Certain) AddPathFamilies(Bgp4mpPeering peering, bool local)
    {
        if (!_opens.TryGetValue((peering.PeerAddress, peering.LocalAddress), out var pair))
        {
            return (default, false);
        }

        var (sender, receiver) = local ? (pair.Sent, pair.Received) : (pair.Received, pair.Sent);
        if (sender is null)
        {
            return (default, false);
        }

        // With only the sender's OPEN on record, its offer to send is the best evidence available.
        EquatableArray<AfiSafi> families = sender.AddPathFamilies
            .Where(offer => (offer.Direction & AddPathDirection.Send) != 0)
            .Where(offer => receiver is null || receiver.AddPathFamilies.Any(r => r.Family == offer.Family && (r.Direction & AddPathDirection.Receive) != 0))
            .Select(offer => offer.Family)
            .ToArray();
        return (families, receiver is not null);
    }
}
