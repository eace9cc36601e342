using System.Buffers.Binary;
using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Rib;

namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>
/// Everything one router has told us over BMP: identity, sessions, and its RIBs per peer, view and family —
/// unicast, labelled unicast (SAFI 4) and L3VPN (SAFI 128), keyed as the router keys them (peer, RD, prefix,
/// path id). Unicast routes live in <see cref="AdjRibIn"/> stores and the labelled families in separate
/// <see cref="LabeledRib"/> stores, so the extra key parts cost unicast routes nothing. Pure state: feed it BMP
/// frames (or decoded messages) with their arrival time. Not thread-safe (a grain owns it).
/// </summary>
public sealed class MonitoredRouter
{
    private readonly Dictionary<PeerKey, PeerSession> _sessions = [];
    private readonly Dictionary<(PeerKey Peer, RibView View, Afi Afi), AdjRibIn> _ribs = [];
    private readonly Dictionary<(PeerKey Peer, RibView View, AfiSafi Family), LabeledRib> _labeledRibs = [];
    private readonly HashSet<(PeerKey Peer, RibView View, AfiSafi Family)> _endOfRib = [];
    private readonly AttributeSetTable _attributeSets = new();

    // The Route Monitoring message being applied.
    private PeerKey _peer;
    private RibView _view;
    private uint _peerAs;

    // A table transfer is thousands of messages from one peer, mostly sharing attribute sets: these caches spare
    // each of them the session lookup, the RIB lookup, the quirk rewrite and the next-hop merge.
    private BmpPeerType _lastWireType;
    private RouteDistinguisher _lastWireDistinguisher;
    private IpPrefix _lastWireAddress;
    private PeerKey _lastWirePeerKey;
    private PeerSession? _lastWireSession;
    private AdjRibIn? _unicastRib;
    private LabeledRib? _labeledRib;
    private readonly Dictionary<PreparedKey, PathAttributes> _prepared = [];
    private PreparedKey _lastPreparedKey;
    private PathAttributes? _lastPrepared;

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

    /// <summary>Routes announced or withdrawn through Route Monitoring, every family.</summary>
    public long PrefixUpdates { get; private set; }

    /// <summary>The sessions, Loc-RIB and RD instances included (each a peer of its own).</summary>
    public IReadOnlyCollection<PeerSession> Sessions => _sessions.Values;

    /// <summary>Number of routes in all RIBs, every family.</summary>
    public long TotalRoutes => _ribs.Values.Sum(r => (long)r.Count) + _labeledRibs.Values.Sum(r => (long)r.Count);

    /// <summary>Distinct attribute sets held (memory is mostly routes, not attributes).</summary>
    public int AttributeSetCount => _attributeSets.Count;

    /// <summary>Every table held or closed by an End-of-RIB: one peer's routes in one view and family.</summary>
    public IReadOnlyList<MonitoredTable> Tables
    {
        get
        {
            var tables = new List<MonitoredTable>();
            foreach (var ((peer, view, afi), rib) in _ribs)
            {
                tables.Add(new MonitoredTable(peer, view, new AfiSafi(afi, Safi.Unicast), rib.Count, _endOfRib.Contains((peer, view, new AfiSafi(afi, Safi.Unicast)))));
            }

            foreach (var ((peer, view, family), rib) in _labeledRibs)
            {
                tables.Add(new MonitoredTable(peer, view, family, rib.Count, _endOfRib.Contains((peer, view, family))));
            }

            foreach (var (peer, view, family) in _endOfRib)
            {
                var held = family.Safi == Safi.Unicast && family.Afi is Afi.IPv4 or Afi.IPv6
                    ? _ribs.ContainsKey((peer, view, family.Afi))
                    : _labeledRibs.ContainsKey((peer, view, family));
                if (!held)
                {
                    tables.Add(new MonitoredTable(peer, view, family, 0, true));
                }
            }

            return tables;
        }
    }

    /// <summary>A session by key.</summary>
    public PeerSession? Session(PeerKey key) => _sessions.GetValueOrDefault(key);

    /// <summary>
    /// Decodes one framed BMP message (see <see cref="BmpFraming"/>) with the connection's <paramref name="reader"/>
    /// and applies it. Route Monitoring flows from the wire straight into the RIBs, without message objects; every
    /// other message is decoded and applied as by <see cref="Apply(BmpMessage, DateTimeOffset)"/>. This is how a
    /// router's BMP connection should be fed: one reader per connection, frames in order.
    /// </summary>
    /// <returns>The session transitions the message caused.</returns>
    /// <exception cref="Wire.BgpDecodeException">The message is malformed; nothing of it was applied.</exception>
    public IReadOnlyList<PeerTransition> Apply(BmpReader reader, ReadOnlySpan<byte> frame, DateTimeOffset arrivedAt)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var writer = new RibWriter(this);
        var message = reader.DecodeRoutes(frame, ref writer);
        if (message is not null)
        {
            return Apply(message, arrivedAt);
        }

        Messages++;
        return [];
    }

    /// <summary>Applies one decoded message; returns the session transitions it caused.</summary>
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
                ForgetRewrites();
                return [];
            case BmpTermination:
                return Disconnected(arrivedAt);
            case BmpPeerUp up:
            {
                // FRR announces its locally originated routes through a pseudo-peer whose OPENs are empty.
                if (up.SentOpen.Asn != 0)
                {
                    RouterId = up.SentOpen.BgpIdentifier;
                    LocalAs = up.SentOpen.Asn;
                    ForgetRewrites();
                }

                var key = PeerKey.Of(up.Peer);
                _endOfRib.RemoveWhere(t => t.Peer.Equals(key));
                var transition = SessionFor(key).Up(up, arrivedAt);
                return transition is null ? [] : [transition];
            }

            case BmpPeerDown down:
            {
                var key = PeerKey.Of(down.Peer);
                var transition = SessionFor(key).Down(down, arrivedAt);
                ClearRoutes(key);
                return transition is null ? [] : [transition];
            }

            case BmpRouteMonitoring monitoring:
            {
                var header = monitoring.Peer;
                var key = PeerKey.Of(header);
                var session = SessionFor(key);
                if (session.State != SessionState.Established)
                {
                    session.SeenRoutes(header.PeerAs, header.PeerBgpId);
                }

                BeginUpdate(key, ViewOf(header.PeerType, header.IsAdjRibOut, header.IsPostPolicy), header.PeerAs);
                var writer = new RibWriter(this);
                monitoring.Update.Emit(ref writer);
                return [];
            }

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

    /// <summary>
    /// Routes of one view and family, filtered as the API's <c>rib</c> query is: this is the whole of what it needs.
    /// </summary>
    /// <param name="view">Which RIB.</param>
    /// <param name="afi">IPv4 or IPv6.</param>
    /// <param name="peer">Only this peer (or Loc-RIB instance).</param>
    /// <param name="safi"><see cref="Safi.Unicast"/> (default), <see cref="Safi.MplsLabel"/> or <see cref="Safi.MplsVpn"/>.</param>
    /// <param name="distinguisher">Only routes whose <see cref="MonitoredRoute.Distinguisher"/> is this RD.</param>
    /// <param name="vrf">Only routes of peers whose Peer Up named this VRF/table.</param>
    /// <param name="prefix">Only this exact prefix (every path id and RD of it).</param>
    public IEnumerable<MonitoredRoute> Routes(
        RibView view,
        Afi afi,
        PeerKey? peer = null,
        Safi safi = Safi.Unicast,
        RouteDistinguisher? distinguisher = null,
        string? vrf = null,
        IpPrefix? prefix = null)
    {
        if (safi == Safi.Unicast)
        {
            foreach (var ((key, ribView, ribAfi), rib) in _ribs)
            {
                var instance = key.InstanceDistinguisher;
                if (ribView != view || ribAfi != afi || !Wanted(key, peer, vrf, out var name)
                    || (distinguisher is { } wantedRd && instance != wantedRd))
                {
                    continue;
                }

                foreach (var route in rib.Routes)
                {
                    if (prefix is not { } p || route.Route.Prefix == p)
                    {
                        yield return new MonitoredRoute(key, view, route.Route, route.Attributes, Safi.Unicast, instance, default, name);
                    }
                }
            }

            yield break;
        }

        var family = new AfiSafi(afi, safi);
        foreach (var ((key, ribView, ribFamily), rib) in _labeledRibs)
        {
            if (ribView != view || ribFamily != family || !Wanted(key, peer, vrf, out var name))
            {
                continue;
            }

            foreach (var route in rib.Routes)
            {
                var nlri = route.Route;
                var rd = nlri.Distinguisher ?? key.InstanceDistinguisher;
                if ((prefix is not { } p || nlri.Prefix == p) && (distinguisher is not { } wantedRd || rd == wantedRd))
                {
                    yield return new MonitoredRoute(key, view, nlri.Route, route.Attributes, safi, rd, nlri.Labels, name);
                }
            }
        }
    }

    /// <summary>
    /// The router's best path per prefix, computed with the BGP decision process from what it reported: post-policy
    /// Adj-RIB-In of every established global-instance session (pre-policy where a session only sends that) and its
    /// locally originated routes, IPv4/IPv6 unicast. This is what stands in for Loc-RIB when the router does not send
    /// it (FRR 8.x). VRF (RD-instance) peers and Loc-RIB instances take no part: their routes are another table's.
    /// </summary>
    public IReadOnlyDictionary<Nlri, SelectedRoute> SelectBest(Afi afi, BestPathOptions options, IpPrefix? only = null) =>
        SelectBest(afi, options, only is { } prefix ? new HashSet<IpPrefix> { prefix } : null);

    /// <summary>
    /// The best path of each prefix in <paramref name="among"/> (every prefix when null): a page of a full table costs
    /// the decision process for that page only, not for a million prefixes.
    /// </summary>
    public IReadOnlyDictionary<Nlri, SelectedRoute> SelectBest(Afi afi, BestPathOptions options, IReadOnlySet<IpPrefix>? among)
    {
        ArgumentNullException.ThrowIfNull(options);
        var candidates = new Dictionary<Nlri, List<(CandidatePath Path, MonitoredRoute Route)>>();
        foreach (var session in _sessions.Values)
        {
            if (session.Key.PeerType is BmpPeerType.RdInstance or BmpPeerType.LocRib)
            {
                continue;
            }

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
                if (among is not null && !among.Contains(route.Route.Prefix))
                {
                    continue;
                }

                var path = new CandidatePath(route.Attributes, peer) { Weight = local ? CandidatePath.LocalOriginWeight : 0 };
                var prefixKey = new Nlri(route.Route.Prefix);
                if (!candidates.TryGetValue(prefixKey, out var list))
                {
                    candidates[prefixKey] = list = [];
                }

                list.Add((path, new MonitoredRoute(session.Key, view, route.Route, route.Attributes, Vrf: session.Vrf)));
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

    /// <summary>
    /// The neighbour each of <paramref name="locRib"/>'s routes was learned from. RFC 9069 sends Loc-RIB under an
    /// all-zero peer address, so a best path does not say which session brought it; the path with the same next hop
    /// and AS path in a global-instance session's Adj-RIB-In (post-policy where the session sends it, else
    /// pre-policy) does — the lowest such address when several match. Routes with no such path (our own, or a router
    /// that sends Loc-RIB alone) are absent. One pass over the Adj-RIBs-In, whatever the number of routes asked for.
    /// </summary>
    public IReadOnlyDictionary<MonitoredRoute, IPAddress> LearnedFrom(Afi afi, IReadOnlyCollection<MonitoredRoute> locRib)
    {
        ArgumentNullException.ThrowIfNull(locRib);
        var wanted = locRib.Where(r => r.Safi == Safi.Unicast && r.Distinguisher is null).ToLookup(r => r.Route.Prefix);
        var result = new Dictionary<MonitoredRoute, IPAddress>();
        if (wanted.Count == 0)
        {
            return result;
        }

        foreach (var session in _sessions.Values)
        {
            if (session.Key.PeerType is BmpPeerType.RdInstance or BmpPeerType.LocRib || session.Key.IsLocalOrigin)
            {
                continue;
            }

            var view = _ribs.ContainsKey((session.Key, RibView.AdjInPost, afi)) ? RibView.AdjInPost : RibView.AdjInPre;
            if (!_ribs.TryGetValue((session.Key, view, afi), out var rib))
            {
                continue;
            }

            foreach (var route in rib.Routes)
            {
                foreach (var best in wanted[route.Route.Prefix])
                {
                    if (Equals(best.Attributes.NextHop, route.Attributes.NextHop)
                        && Equals(best.Attributes.EffectiveAsPath, route.Attributes.EffectiveAsPath)
                        && (!result.TryGetValue(best, out var found) || session.Key.Address.GetAddressBytes().AsSpan().SequenceCompareTo(found.GetAddressBytes()) < 0))
                    {
                        result[best] = session.Key.Address;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Number of routes held for a peer in a view, every family.</summary>
    public int RouteCount(PeerKey peer, RibView view)
    {
        var count = (_ribs.GetValueOrDefault((peer, view, Afi.IPv4))?.Count ?? 0) + (_ribs.GetValueOrDefault((peer, view, Afi.IPv6))?.Count ?? 0);
        foreach (var ((key, ribView, _), rib) in _labeledRibs)
        {
            if (ribView == view && key.Equals(peer))
            {
                count += rib.Count;
            }
        }

        return count;
    }

    private static RibView ViewOf(BmpPeerType type, bool adjRibOut, bool postPolicy) =>
        type == BmpPeerType.LocRib ? RibView.LocRib
        : adjRibOut ? (postPolicy ? RibView.AdjOutPost : RibView.AdjOutPre)
        : postPolicy ? RibView.AdjInPost : RibView.AdjInPre;

    private bool Wanted(PeerKey key, PeerKey? peer, string? vrf, out string? name)
    {
        name = _sessions.GetValueOrDefault(key)?.Vrf;
        return (peer is not { } wantedPeer || wantedPeer.Equals(key)) && (vrf is null || vrf == name);
    }

    private PeerSession SessionFor(PeerKey key)
    {
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
            _ribs.Remove(key, out var rib);
            rib!.Clear();
        }

        foreach (var key in _labeledRibs.Keys.Where(k => k.Peer.Equals(peer)).ToList())
        {
            _labeledRibs.Remove(key, out var rib);
            rib!.Clear();
        }

        _endOfRib.RemoveWhere(t => t.Peer.Equals(peer));
        _unicastRib = null;
        _labeledRib = null;
    }

    /// <summary>The quirk rewrite depends on the exporter and the local AS: a change of either voids what was cached.</summary>
    private void ForgetRewrites()
    {
        _prepared.Clear();
        _lastPrepared = null;
    }

    /// <summary>Route Monitoring straight from the wire: the header, before its routes.</summary>
    private void BeginUpdate(in BmpRoutePeer header)
    {
        if (_lastWireSession is null || header.PeerType != _lastWireType || header.Distinguisher != _lastWireDistinguisher
            || !header.PeerAddress.Equals(_lastWireAddress))
        {
            (_lastWireType, _lastWireDistinguisher, _lastWireAddress) = (header.PeerType, header.Distinguisher, header.PeerAddress);
            _lastWirePeerKey = new PeerKey(header.PeerType, header.Distinguisher, header.PeerAddress.Address);
            _lastWireSession = SessionFor(_lastWirePeerKey);
        }

        var session = _lastWireSession!;
        if (session.State != SessionState.Established)
        {
            Span<byte> id = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(id, header.PeerBgpId);
            session.SeenRoutes(header.PeerAs, new IPAddress(id));
        }

        BeginUpdate(_lastWirePeerKey, ViewOf(header.PeerType, header.IsAdjRibOut, header.IsPostPolicy), header.PeerAs);
    }

    private void BeginUpdate(PeerKey peer, RibView view, uint peerAs)
    {
        if (!peer.Equals(_peer) || view != _view)
        {
            _unicastRib = null;
            _labeledRib = null;
        }

        _peer = peer;
        _view = view;
        _peerAs = peerAs;
    }

    private void Announce(AfiSafi family, Nlri route, PathAttributes attributes, MpReachNlri? reach)
    {
        PrefixUpdates++;
        if (family.Safi == Safi.Unicast && family.Afi is Afi.IPv4 or Afi.IPv6)
        {
            UnicastRib(family.Afi, create: true)!.Announce(route, Prepare(attributes, reach));
        }
    }

    private void Announce(AfiSafi family, in LabeledNlri route, PathAttributes attributes, MpReachNlri reach)
    {
        PrefixUpdates++;
        LabeledRib(family, create: true)!.Announce(route, Prepare(attributes, reach));
    }

    private void Withdraw(AfiSafi family, Nlri route)
    {
        PrefixUpdates++;
        if (family.Safi == Safi.Unicast && family.Afi is Afi.IPv4 or Afi.IPv6)
        {
            UnicastRib(family.Afi, create: false)?.Withdraw(route);
        }
    }

    private void Withdraw(AfiSafi family, in LabeledNlri route)
    {
        PrefixUpdates++;
        LabeledRib(family, create: false)?.Withdraw(route);
    }

    private void EndOfRib(AfiSafi family) => _endOfRib.Add((_peer, _view, family));

    private AdjRibIn? UnicastRib(Afi afi, bool create)
    {
        if (_unicastRib?.Afi == afi)
        {
            return _unicastRib;
        }

        if (!_ribs.TryGetValue((_peer, _view, afi), out var rib) && create)
        {
            rib = new AdjRibIn(afi, _attributeSets);
            _ribs.Add((_peer, _view, afi), rib);
        }

        return _unicastRib = rib;
    }

    private LabeledRib? LabeledRib(AfiSafi family, bool create)
    {
        if (_labeledRib?.Family == family)
        {
            return _labeledRib;
        }

        if (!_labeledRibs.TryGetValue((_peer, _view, family), out var rib) && create)
        {
            rib = new LabeledRib(family, _attributeSets);
            _labeledRibs.Add((_peer, _view, family), rib);
        }

        return _labeledRib = rib;
    }

    /// <summary>
    /// The attributes as the router holds them: quirks undone, and the MP_REACH next hop in <see cref="PathAttributes.NextHop"/>.
    /// Remembered per wire set (the decoder interns them), next hop, peer AS and view, so the routes of a table transfer
    /// share one instance per distinct result and the RIB's attribute table finds it by reference.
    /// </summary>
    private PathAttributes Prepare(PathAttributes attributes, MpReachNlri? reach)
    {
        if (reach is null)
        {
            // Classic IPv4 NLRI: only the quirk rewrite, which leaves the set as it is unless the exporter has the quirk.
            var same = new PreparedKey(attributes, default, _peerAs, _view);
            if (_lastPrepared is null || !same.Equals(_lastPreparedKey))
            {
                (_lastPreparedKey, _lastPrepared) = (same, Normalize(attributes));
            }

            return _lastPrepared;
        }

        var first = reach.FirstNextHop;
        var key = new PreparedKey(attributes, IpPrefix.FromBytes(first.Length == 16, first, first.Length * 8), _peerAs, _view);
        if (_lastPrepared is not null && key.Equals(_lastPreparedKey))
        {
            return _lastPrepared;
        }

        if (!_prepared.TryGetValue(key, out var prepared))
        {
            prepared = Normalize(attributes);
            if (!first.IsEmpty)
            {
                prepared = prepared with { NextHop = new IPAddress(first) };
            }

            // Bounded: unbounded churn (every set new) must not grow memory; a cleared cache only costs a rebuild.
            if (_prepared.Count >= 1 << 16)
            {
                _prepared.Clear();
            }

            _prepared.Add(key, prepared);
        }

        (_lastPreparedKey, _lastPrepared) = (key, prepared);
        return prepared;
    }

    /// <summary>
    /// Undoes <see cref="BmpVendorQuirks.LocalAsPrependedForEbgpPeers"/>: the router's own AS in front of a path it
    /// received from an eBGP peer (Adj-RIB-In), or in front of any path of its Loc-RIB, where the router itself
    /// would never hold it (its own AS in a received path is a loop).
    /// </summary>
    private PathAttributes Normalize(PathAttributes attributes)
    {
        if (!Quirks.LocalAsPrependedForEbgpPeers || LocalAs is not { } local || attributes.AsPath is not { } path)
        {
            return attributes;
        }

        var applies = _view switch
        {
            RibView.AdjInPre or RibView.AdjInPost => _peerAs != local && _peerAs != 0,
            RibView.LocRib => true,
            _ => false,
        };
        var segments = path.Segments;
        if (!applies || segments.Count == 0 || segments[0].Type != AsPathSegmentType.AsSequence || segments[0].Asns.Count == 0 || segments[0].Asns[0] != local)
        {
            return attributes;
        }

        var first = segments[0];
        var rest = first.Asns.Count == 1
            ? segments.Skip(1).ToArray()
            : [first with { Asns = first.Asns.Skip(1).ToArray() }, .. segments.Skip(1)];
        return attributes with { AsPath = new AsPath(rest) };
    }

    /// <summary>
    /// What <see cref="Prepare"/> depends on: the wire set by reference, the MP_REACH next hop (a /0 for the classic
    /// NLRI, whose next hop is in the set), the peer AS and the view.
    /// </summary>
    private readonly record struct PreparedKey(PathAttributes Wire, IpPrefix NextHop, uint PeerAs, RibView View)
    {
        public bool Equals(PreparedKey other) =>
            ReferenceEquals(Wire, other.Wire) && NextHop.Equals(other.NextHop) && PeerAs == other.PeerAs && View == other.View;

        public override int GetHashCode() =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Wire), NextHop, PeerAs, View);
    }

    /// <summary>Writes the routes of a Route Monitoring message into the router's RIBs; a struct so the decoder's calls are direct.</summary>
    private readonly struct RibWriter(MonitoredRouter router) : IBmpRouteSink
    {
        public void BeginUpdate(in BmpRoutePeer peer) => router.BeginUpdate(peer);

        public void Announce(AfiSafi family, Nlri route, PathAttributes attributes, MpReachNlri? reach) =>
            router.Announce(family, route, attributes, reach);

        public void Announce(AfiSafi family, in LabeledNlri route, PathAttributes attributes, MpReachNlri reach) =>
            router.Announce(family, route, attributes, reach);

        public void Withdraw(AfiSafi family, Nlri route) => router.Withdraw(family, route);

        public void Withdraw(AfiSafi family, in LabeledNlri route) => router.Withdraw(family, route);

        public void EndOfRib(AfiSafi family) => router.EndOfRib(family);
    }
}
