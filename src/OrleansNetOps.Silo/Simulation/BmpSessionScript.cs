using System.Net;
using OrleansNetOps.Bgp;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Silo.Simulation;

/// <summary>
/// Turns successive views of one simulated router into the BMP a standards-following router would send:
/// Initiation, then for each change Peer Up / Peer Down, post-policy Route Monitoring per session and Loc-RIB
/// (RFC 9069) updates — only the differences after the first view.
/// </summary>
public sealed class BmpSessionScript
{
    private const int MaxPrefixesPerUpdate = 200;
    private static readonly BgpDecodingContext s_context = BgpDecodingContext.FourOctet;
    private readonly Dictionary<IPAddress, SimulatedSession> _sessions = [];
    private Dictionary<IpPrefix, PathAttributes> _locRib = [];
    private bool _initiated;

    /// <summary>The messages that move the collector from the previous view to <paramref name="view"/>.</summary>
    public IReadOnlyList<byte[]> Next(SimulatedRouterView view, string sysDescr, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        var output = new List<byte[]>();
        var seconds = (uint)now.ToUnixTimeSeconds();
        if (!_initiated)
        {
            output.Add(BmpWriter.Encode(new BmpInitiation(new[] { BmpWriter.TextTlv(1, sysDescr), BmpWriter.TextTlv(2, view.Hostname) }), s_context));
            _initiated = true;
        }

        foreach (var session in view.Sessions)
        {
            var header = new BmpPeerHeader(BmpPeerType.Global, BmpPeerFlags.PostPolicy, default, session.PeerAddress, session.PeerAs, session.PeerRouterId, seconds, 0);
            _sessions.TryGetValue(session.PeerAddress, out var before);
            var wasUp = before?.Up ?? false;
            if (session.Up && !wasUp)
            {
                output.Add(BmpWriter.Encode(new BmpPeerUp(header with { Flags = BmpPeerFlags.None }, session.LocalAddress, 179, 33000,
                    Open(view.Asn, view.RouterId), Open(session.PeerAs, session.PeerRouterId),
                    new[] { BmpWriter.TextTlv(0, session.Description) }), s_context));
                Announce(output, header, [], session.Received);
            }
            else if (!session.Up && wasUp)
            {
                // Hold timer expired, as a fibre cut looks to the router (RFC 7854 reason 1 with NOTIFICATION 4/0).
                output.Add(BmpWriter.Encode(new BmpPeerDown(header with { Flags = BmpPeerFlags.None }, 1, new NotificationMessage(4, 0), null), s_context));
            }
            else if (session.Up)
            {
                Announce(output, header, before!.Received, session.Received);
            }

            _sessions[session.PeerAddress] = session;
        }

        var locHeader = new BmpPeerHeader(BmpPeerType.LocRib, BmpPeerFlags.None, default, IPAddress.Any, view.Asn, view.RouterId, seconds, 0);
        var next = view.LocRib.ToDictionary(r => r.Prefix, r => r.Attributes);
        Diff(output, locHeader, _locRib, next);
        _locRib = next;
        return output;
    }

    private static void Announce(List<byte[]> output, BmpPeerHeader header, IReadOnlyList<SimulatedRoute> before, IReadOnlyList<SimulatedRoute> after) =>
        Diff(output, header, before.ToDictionary(r => r.Prefix, r => r.Attributes), after.ToDictionary(r => r.Prefix, r => r.Attributes));

    private static void Diff(List<byte[]> output, BmpPeerHeader header, Dictionary<IpPrefix, PathAttributes> before, Dictionary<IpPrefix, PathAttributes> after)
    {
        var withdrawn = before.Keys.Where(p => !after.ContainsKey(p)).Order().ToList();
        foreach (var chunk in withdrawn.Where(p => !p.IsIPv6).Chunk(MaxPrefixesPerUpdate))
        {
            output.Add(Update(header, new UpdateMessage(chunk.Select(p => new Nlri(p)).ToArray(), PathAttributes.Empty, Array.Empty<Nlri>())));
        }

        foreach (var chunk in withdrawn.Where(p => p.IsIPv6).Chunk(MaxPrefixesPerUpdate))
        {
            var unreach = new MpUnreachNlri(AfiSafi.IPv6Unicast, chunk.Select(p => new Nlri(p)).ToArray(), EquatableArray<byte>.Empty);
            output.Add(Update(header, new UpdateMessage(Array.Empty<Nlri>(), PathAttributes.Empty, Array.Empty<Nlri>(), MpUnreach: unreach)));
        }

        var changed = after.Where(r => !before.TryGetValue(r.Key, out var old) || !old.Equals(r.Value));
        foreach (var group in changed.GroupBy(r => (r.Value, r.Key.IsIPv6)))
        {
            foreach (var chunk in group.Select(r => r.Key).Order().Chunk(MaxPrefixesPerUpdate))
            {
                var attributes = group.Key.Value;
                var nlri = chunk.Select(p => new Nlri(p)).ToArray();
                if (!group.Key.IsIPv6)
                {
                    output.Add(Update(header, new UpdateMessage(Array.Empty<Nlri>(), attributes, nlri)));
                    continue;
                }

                var nextHop = attributes.NextHop ?? IPAddress.IPv6Any;
                var mappedNextHop = nextHop.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? nextHop.MapToIPv6() : nextHop;
                var reach = MpReachNlri.Create(AfiSafi.IPv6Unicast, [mappedNextHop], nlri);
                output.Add(Update(header, new UpdateMessage(Array.Empty<Nlri>(), attributes with { NextHop = null }, Array.Empty<Nlri>(), MpReach: reach)));
            }
        }
    }

    private static byte[] Update(BmpPeerHeader header, UpdateMessage update) => BmpWriter.Encode(new BmpRouteMonitoring(header, update), s_context);

    private static OpenMessage Open(uint asn, IPAddress routerId) =>
        new(4, asn > ushort.MaxValue ? (ushort)23456 : (ushort)asn, 9, routerId,
            new Capability[] { new FourOctetAsCapability(asn), new MultiprotocolCapability(AfiSafi.IPv4Unicast), new MultiprotocolCapability(AfiSafi.IPv6Unicast) });
}
