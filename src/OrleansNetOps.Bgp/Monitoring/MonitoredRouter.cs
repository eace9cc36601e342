using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Rib;

namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>
/// Everything one router has told us over BMP: identity, sessions, and its RIBs per peer, view and family.
/// Pure state: feed it decoded messages with their arrival time. Not thread-safe (a grain owns it).
/// </summary>
public sealed class MonitoredRouter
{
    private readonly Dictionary<PeerKey, PeerSession> _sessions = [];
    private readonly Dictionary<(PeerKey Peer, RibView View, Afi Afi), AdjRibIn> _ribs = [];
    private readonly AttributeSetTable _attributeSets = new();

    /// <summary>sysName from the Initiation.</summary>
    public string? SysName { get; private set; }

    /// <summary>sysDescr from the Initiation.</summary>
    public string? SysDescr { get; private set; }

    /// <summary>The exporter quirks in force (from sysDescr).</summary>
    public BmpVendorQuirks Quirks { get; private set; } = BmpVendorQuirks.None;

    /// <summary>The router's own BGP identifier, learned from the OPENs it sent.</summary>
    public IPAddress? RouterId { get; private set; }

    /// <summary>The router's AS, learned from the OPENs it sent.</summary>
    public uint? LocalAs { get; private set; }

    /// <summary>Whether the BMP session is connected (Initiation seen, no Termination or disconnect since).</summary>
    public bool Connected { get; private set; }

    /// <summary>BMP messages applied.</summary>
    public long Messages { get; private set; }

    /// <summary>Prefixes announced or withdrawn through Route Monitoring.</summary>
    public long PrefixUpdates { get; private set; }

    /// <summary>The sessions.</summary>
    public IReadOnlyCollection<PeerSession> Sessions => _sessions.Values;

    /// <summary>A session by key.</summary>
    public PeerSession? Session(PeerKey key) => _sessions.GetValueOrDefault(key);

    /// <summary>Applies one message; returns the session transitions it caused.</summary>
    public IReadOnlyList<PeerTransition> Apply(BmpMessage message, DateTimeOffset arrivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        Messages++;
        switch (message)
        {
            case BmpInitiation initiation:
                SysName = initiation.SysName ?? SysName;
                SysDescr = initiation.SysDescr ?? SysDescr;
                Quirks = BmpVendorQuirks.For(SysDescr);
                Connected = true;
                return [];
            case BmpTermination:
                return Disconnected(arrivedAt);
            case BmpPeerUp up:
            {
                RouterId = up.SentOpen.BgpIdentifier;
                LocalAs = up.SentOpen.Asn;
                var transition = SessionFor(up.Peer).Up(up, arrivedAt);
                return transition is null ? [] : [transition];
            }

            case BmpPeerDown down:
            {
                var key = PeerKey.Of(down.Peer);
                var transition = SessionFor(down.Peer).Down(down, arrivedAt);
                ClearRoutes(key);
                return transition is null ? [] : [transition];
            }

            case BmpRouteMonitoring monitoring:
                ApplyRoutes(monitoring);
                return [];
            default:
                return [];
        }
    }

    /// <summary>The BMP connection closed: the router's data is no longer current, sessions are unknown.</summary>
    public IReadOnlyList<PeerTransition> Disconnected(DateTimeOffset at)
    {
        Connected = false;
        return [];
    }

    /// <summary>Routes received from (or sent to) peers in a view and family, optionally for one peer.</summary>
    public IEnumerable<MonitoredRoute> Routes(RibView view, Afi afi, PeerKey? peer = null)
    {
        foreach (var ((key, ribView, ribAfi), rib) in _ribs)
        {
            if (ribView != view || ribAfi != afi || (peer is { } wanted && !wanted.Equals(key)))
            {
                continue;
            }

            foreach (var route in rib.Routes)
            {
                yield return new MonitoredRoute(key, view, route.Route, route.Attributes);
            }
        }
    }

    /// <summary>
    /// The router's best path per prefix, computed with the BGP decision process from what it reported: post-policy
    /// Adj-RIB-In of every established session (pre-policy where a session only sends that) and its locally
    /// originated routes. This is what stands in for Loc-RIB when the router does not send it (FRR 8.x).
    /// </summary>
    public IReadOnlyDictionary<Nlri, SelectedRoute> SelectBest(Afi afi, BestPathOptions options, IpPrefix? only = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var candidates = new Dictionary<Nlri, List<(CandidatePath Path, MonitoredRoute Route)>>();
        foreach (var session in _sessions.Values)
        {
            var local = session.Key.IsLocalOrigin;
            if (!local && session.State != SessionState.Established)
            {
                continue;
            }

            var view = _ribs.ContainsKey((session.Key, RibView.AdjInPost, afi)) ? RibView.AdjInPost : RibView.AdjInPre;
            if (!_ribs.TryGetValue((session.Key, view, afi), out var rib))
            {
                continue;
            }

            var peer = local
                ? BgpPeer.Self(LocalAs ?? 0, RouterId ?? IPAddress.Any)
                : new BgpPeer(session.Key.Address, session.PeerAs, session.PeerRouterId,
                    session.IsExternal == false || session.PeerAs == LocalAs ? PeerType.Internal : PeerType.External);
            foreach (var route in rib.Routes)
            {
                if (only is { } wanted && route.Route.Prefix != wanted)
                {
                    continue;
                }

                var path = new CandidatePath(route.Attributes, peer) { Weight = local ? CandidatePath.LocalOriginWeight : 0 };
                var prefixKey = new Nlri(route.Route.Prefix);
                if (!candidates.TryGetValue(prefixKey, out var list))
                {
                    candidates[prefixKey] = list = [];
                }

                list.Add((path, new MonitoredRoute(session.Key, view, route.Route, route.Attributes)));
            }
        }

        var result = new Dictionary<Nlri, SelectedRoute>(candidates.Count);
        foreach (var (prefix, list) in candidates)
        {
            var selection = BestPathSelector.Select(list.Select(c => c.Path), options);
            if (selection.Best is { } best)
            {
                result[prefix] = new SelectedRoute(list.First(c => ReferenceEquals(c.Path, best)).Route, selection.Reason, list.Count);
            }
        }

        return result;
    }

    /// <summary>Number of routes held for a peer in a view (both families).</summary>
    public int RouteCount(PeerKey peer, RibView view) =>
        (_ribs.GetValueOrDefault((peer, view, Afi.IPv4))?.Count ?? 0) + (_ribs.GetValueOrDefault((peer, view, Afi.IPv6))?.Count ?? 0);

    /// <summary>Number of routes in all RIBs.</summary>
    public long TotalRoutes => _ribs.Values.Sum(r => (long)r.Count);

    /// <summary>Distinct attribute sets held (memory is mostly routes, not attributes).</summary>
    public int AttributeSetCount => _attributeSets.Count;

    private PeerSession SessionFor(BmpPeerHeader header)
    {
        var key = PeerKey.Of(header);
        if (!_sessions.TryGetValue(key, out var session))
        {
            session = new PeerSession(key);
            _sessions.Add(key, session);
        }

        return session;
    }

    private void ClearRoutes(PeerKey peer)
    {
        foreach (var key in _ribs.Keys.Where(k => k.Peer.Equals(peer)).ToList())
        {
            _ribs.Remove(key);
        }
    }

    private void ApplyRoutes(BmpRouteMonitoring monitoring)
    {
        var header = monitoring.Peer;
        var key = PeerKey.Of(header);
        var session = SessionFor(header);
        if (session.State != SessionState.Established)
        {
            session.SeenRoutes(header);
        }

        var view = header.PeerType == BmpPeerType.LocRib ? RibView.LocRib
            : header.IsAdjRibOut ? (header.IsPostPolicy ? RibView.AdjOutPost : RibView.AdjOutPre)
            : header.IsPostPolicy ? RibView.AdjInPost : RibView.AdjInPre;
        var update = monitoring.Update;
        var attributes = Normalize(update.Attributes, header, view);

        foreach (var withdrawn in update.Withdrawn)
        {
            Rib(key, view, Afi.IPv4)?.Withdraw(withdrawn);
            PrefixUpdates++;
        }

        foreach (var announced in update.Announced)
        {
            Rib(key, view, Afi.IPv4, create: true)!.Announce(announced, attributes);
            PrefixUpdates++;
        }

        if (update.MpUnreach is { } unreach && unreach.Family.Safi == Safi.Unicast)
        {
            foreach (var withdrawn in unreach.Withdrawn)
            {
                Rib(key, view, unreach.Family.Afi)?.Withdraw(withdrawn);
                PrefixUpdates++;
            }
        }

        if (update.MpReach is { } reach && reach.Family.Safi == Safi.Unicast && reach.Family.Afi is Afi.IPv4 or Afi.IPv6)
        {
            var nextHops = reach.NextHops;
            var withNextHop = nextHops.Count > 0 ? attributes with { NextHop = nextHops[0] } : attributes;
            var rib = Rib(key, view, reach.Family.Afi, create: true)!;
            foreach (var announced in reach.Nlri)
            {
                rib.Announce(announced, withNextHop);
                PrefixUpdates++;
            }
        }
    }

    private PathAttributes Normalize(PathAttributes attributes, BmpPeerHeader header, RibView view)
    {
        if (!Quirks.LocalAsPrependedForEbgpPeers || view is not (RibView.AdjInPre or RibView.AdjInPost) || LocalAs is not { } local ||
            header.PeerAs == local || header.PeerAs == 0 || attributes.AsPath is not { } path)
        {
            return attributes;
        }

        var segments = path.Segments;
        if (segments.Count == 0 || segments[0].Type != AsPathSegmentType.AsSequence || segments[0].Asns.Count == 0 || segments[0].Asns[0] != local)
        {
            return attributes;
        }

        var first = segments[0];
        var rest = first.Asns.Count == 1
            ? segments.Skip(1).ToArray()
            : [first with { Asns = first.Asns.Skip(1).ToArray() }, .. segments.Skip(1)];
        return attributes with { AsPath = new AsPath(rest) };
    }

    private AdjRibIn? Rib(PeerKey peer, RibView view, Afi afi, bool create = false)
    {
        if (_ribs.TryGetValue((peer, view, afi), out var rib) || !create)
        {
            return rib;
        }

        rib = new AdjRibIn(afi, _attributeSets);
        _ribs.Add((peer, view, afi), rib);
        return rib;
    }
}
