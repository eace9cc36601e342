using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Placement;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Rib;
using OrleansNetOps.Bgp.Wire;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Drift;

namespace OrleansNetOps.Grains.Network;

/// <summary>
/// A router as BMP shows it. The collector hands it the raw messages of the router's BMP session; it decodes them
/// into the domain's <see cref="MonitoredRouter"/>, which holds sessions and RIBs; session changes go to the peer
/// grains, whose history is durable. It is placed on the silo that holds the BMP connection, so a full table never
/// crosses the network, and it lives in memory only: when its silo dies the router reconnects elsewhere and re-sends
/// its state (BMP's own recovery).
/// </summary>
[GrainType("router")]
[PreferLocalPlacement]
public sealed class RouterGrain(NetworkTopology topology, ILogger<RouterGrain> logger) : Grain, IRouterGrain
{
    // The lab and the twin run with compare-routerid, so equal eBGP paths do not depend on arrival order.
    private static readonly BestPathOptions s_bestPath = new() { CompareRouterId = true };
    private static readonly TimeSpan s_whileConnected = TimeSpan.FromDays(3650);
    private readonly Dictionary<PeerKey, PeerHistory> _histories = [];
    private MonitoredRouter _router = new();
    private BmpReader _reader = new();
    private string? _primary;
    private bool _heardFrom;
    private RouterSource _source = RouterSource.Config;
    private bool _registered;
    private bool? _routeDetectors;
    private Orleans.Streams.IAsyncStream<OrleansNetOps.Grains.Events.NetOpsEvent>? _events;

    /// <inheritdoc />
    public async Task<BmpBatchOutcome> ReceiveAsync(BmpDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var announce = false;
        if (delivery.Connection != _primary)
        {
            if (_primary is not null || delivery.Closed)
            {
                return BmpBatchOutcome.Standby;
            }

            if (delivery.Frames.FirstOffset != 0)
            {
                // The connection's earlier messages went elsewhere: withheld while it was a standby, or applied by an
                // activation of this router on a silo that has since died. Only a fresh session carries the router's
                // whole state again.
                return BmpBatchOutcome.Resync;
            }

            // A new BMP session re-sends every session and route: start from a clean view.
            _primary = delivery.Connection;
            _router = new MonitoredRouter();
            _reader = new BmpReader();
            _heardFrom = true;
            announce = true;
        }

        await RegisterAsync(delivery.Simulated ? RouterSource.Simulated : RouterSource.Bmp);
        var parsed = 0;
        var rejects = ImmutableArray.CreateBuilder<BmpFrameReject>();
        foreach (var (offset, message) in delivery.Frames.Messages())
        {
            IReadOnlyList<PeerTransition> transitions;
            try
            {
                // Route Monitoring goes from the wire straight into the RIBs; a malformed message applies nothing.
                transitions = _router.Apply(_reader, message.Span, delivery.ReceivedAt);
            }
            catch (BgpDecodeException error)
            {
                rejects.Add(new BmpFrameReject(offset, error.Field, error.Message, message.Length));
                continue;
            }

            parsed++;
            foreach (var transition in transitions)
            {
                await RecordAsync(transition);
                announce = true;
            }
        }

        // Where the silo runs route detectors, they read the same batch in their own activation beside this one; the
        // call is one-way, so the feed never waits for them.
        _routeDetectors ??= ServiceProvider.GetService(typeof(OrleansNetOps.Analytics.Bgp.RouteAnalystOptions)) is not null;
        if (_routeDetectors == true)
        {
            await GrainFactory.GetGrain<OrleansNetOps.Grains.Analysis.IRouteAnalystGrain>(this.GetPrimaryKeyString()).ObserveAsync(delivery);
        }

        if (delivery.Closed)
        {
            // Losing the BMP session hides the BGP sessions; it is not a flap of theirs, so no history is written.
            _router.Disconnected(delivery.ReceivedAt);

            _primary = null;
            announce = true;
            DelayDeactivation(TimeSpan.Zero);
        }
        else
        {
            // The RIBs live only here and a quiet network sends little BMP: stay active while the session is up.
            DelayDeactivation(s_whileConnected);
        }

        if (announce)
        {
            await PublishAsync(NetworkEvents.Router(await GetSummaryAsync(), delivery.ReceivedAt));
        }

        return new BmpBatchOutcome(BmpBatchDisposition.Applied, parsed, rejects.ToImmutable());
    }

    /// <inheritdoc />
    public Task<RouterSummary> GetSummaryAsync()
    {
        var node = topology.Router(this.GetPrimaryKeyString());
        // Loc-RIB instances are tables, not sessions: routers that send Loc-RIB without its Peer Up leave them idle.
        var sessions = MonitoredSessions().Where(s => s.Key.PeerType != BmpPeerType.LocRib).ToList();
        var established = sessions.Count(s => s.State == SessionState.Established);
        var status = !_heardFrom ? RouterStatus.Unknown
            : !_router.Connected || (sessions.Count > 0 && established == 0) ? RouterStatus.Down
            : established < sessions.Count ? RouterStatus.Degraded
            : RouterStatus.Up;
        return Task.FromResult(new RouterSummary(
            this.GetPrimaryKeyString(),
            _router.SysName ?? node?.Hostname,
            node is null ? null : RouterRoleNames.Name(node.Role),
            _router.LocalAs ?? node?.Asn,
            (_router.RouterId ?? node?.RouterId)?.ToString(),
            status,
            _heardFrom ? _source : RouterSource.Config,
            sessions.Count,
            established,
            _router.SysDescr,
            _router.TotalRoutes,
            _router.Messages));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PeerStatus>> GetPeersAsync()
    {
        var peers = MonitoredSessions()
            .OrderBy(s => s.Key.Address.AddressFamily).ThenBy(s => s.Key.Address.GetAddressBytes(), ByteOrder.Instance)
            .Select(ToStatus)
            .ToList();
        return Task.FromResult<IReadOnlyList<PeerStatus>>(peers);
    }

    /// <inheritdoc />
    public Task<RibResult> GetRibAsync(RibQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Several Loc-RIB instances share the all-zero address: a peer filter takes every session with that address.
        var peers = query.Peer is null ? null
            : MonitoredSessions(includeLocalOrigin: true).Where(s => s.Key.Address.ToString() == query.Peer).Select(s => s.Key).ToList();
        if (peers is { Count: 0 })
        {
            return Task.FromResult(Empty(query));
        }

        var unicast = query.Safi == Safi.Unicast;
        var locRibSent = query.View == RibView.LocRib && _router.Routes(RibView.LocRib, query.Afi, safi: query.Safi).Any();
        if (query.View == RibView.LocRib && !locRibSent && unicast && query.Rd is null && query.Vrf is null)
        {
            // The router sends no Loc-RIB (FRR 8.x): its best paths are computed from what it reported.
            var selected = _router.SelectBest(query.Afi, s_bestPath, query.Prefix).Values
                .Where(s => peers is null || peers.Contains(s.Route.Peer))
                .OrderBy(s => s.Route.Route.Prefix)
                .ToList();
            var bestRoutes = selected.Take(query.Limit).Select(s => RouteViews.ToView(s.Route, best: true)).ToList();
            return Task.FromResult(new RibResult(this.GetPrimaryKeyString(), RouteViews.ViewName(query.View), AfiName(query.Afi), bestRoutes,
                Computed: true, selected.Count, selected.Count > bestRoutes.Count));
        }

        // A Loc-RIB route's BMP peer is the all-zero address: a neighbour filter on it means the neighbour it was learned from.
        var byNeighbour = locRibSent && peers is not null && peers.All(p => p.PeerType != BmpPeerType.LocRib);
        var matching = (peers is null || byNeighbour ? [null] : peers.Select(p => (PeerKey?)p))
            .SelectMany(p => _router.Routes(query.View, query.Afi, p, query.Safi, query.Rd, query.Vrf, query.Prefix))
            .ToList();
        if (byNeighbour)
        {
            var learned = _router.LearnedFrom(query.Afi, matching);
            matching = [.. matching.Where(r => learned.TryGetValue(r, out var from) && from.ToString() == query.Peer)];
        }

        // A full table holds a million routes per view: sort only as far as the page reaches (a partial sort), and run
        // the decision process for the page's prefixes only, so a query does not hold the router's BMP feed for seconds.
        var page = matching
            .OrderBy(r => r.Route.Prefix)
            .ThenBy(r => r.Distinguisher?.Value ?? 0)
            .ThenBy(r => r.Peer.Address.GetAddressBytes(), ByteOrder.Instance)
            .ThenBy(r => r.Route.PathId ?? 0)
            .Take(query.Limit)
            .ToList();
        // The decision process runs over unicast only; labelled and VPN routes carry best: false unless the router sent them as Loc-RIB.
        var best = unicast && query.View is RibView.AdjInPost or RibView.AdjInPre
            ? _router.SelectBest(query.Afi, s_bestPath, page.Select(r => r.Route.Prefix).ToHashSet())
            : null;
        var learnedFrom = locRibSent ? _router.LearnedFrom(query.Afi, page) : null;
        var routes = page.Select(r => RouteViews.ToView(r, query.View == RibView.LocRib || IsBest(best, r), learnedFrom?.GetValueOrDefault(r))).ToList();
        return Task.FromResult(new RibResult(this.GetPrimaryKeyString(), RouteViews.ViewName(query.View), AfiName(query.Afi), routes,
            Computed: false, matching.Count, matching.Count > routes.Count, RouteViews.SafiName(query.Safi)));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ExternalRoutes>> GetExternalRoutesAsync()
    {
        var result = new List<ExternalRoutes>();
        foreach (var session in MonitoredSessions().Where(s => s.State == SessionState.Established && s.IsExternal == true))
        {
            var routes = new[] { Afi.IPv4, Afi.IPv6 }
                .SelectMany(afi =>
                {
                    var pre = _router.Routes(RibView.AdjInPre, afi, session.Key).ToList();
                    return pre.Count > 0 ? pre : _router.Routes(RibView.AdjInPost, afi, session.Key).ToList();
                })
                .Select(r => (r.Route.Prefix, r.Attributes));
            result.Add(new ExternalRoutes(session.Key.Address.ToString(), session.PeerAs, PackedRoutes.Pack(routes)));
        }

        return Task.FromResult<IReadOnlyList<ExternalRoutes>>(result);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LiveBestPath>> GetBestPathsAsync()
    {
        var id = this.GetPrimaryKeyString();
        var result = new List<LiveBestPath>();
        foreach (var afi in new[] { Afi.IPv4, Afi.IPv6 })
        {
            var sent = _router.Routes(RibView.LocRib, afi).ToList();
            IEnumerable<MonitoredRoute> best = sent.Count > 0 ? sent : _router.SelectBest(afi, s_bestPath).Values.Select(s => s.Route);
            result.AddRange(best.Select(r => new LiveBestPath(id, r.Route.Prefix, r.Attributes.NextHop,
                RouteViews.Flatten(r.Attributes.EffectiveAsPath), r.Attributes.LocalPref, r.Attributes.MultiExitDisc)));
        }

        return Task.FromResult<IReadOnlyList<LiveBestPath>>(result);
    }

    private async Task RegisterAsync(RouterSource source)
    {
        if (_registered && source == _source)
        {
            return;
        }

        _source = source;
        await GrainFactory.GetGrain<INetworkGrain>(INetworkGrain.DefaultKey).RegisterAsync(this.GetPrimaryKeyString(), source);
        _registered = true;
    }

    private async Task RecordAsync(PeerTransition transition)
    {
        var peer = GrainFactory.GetGrain<IBgpPeerGrain>($"{this.GetPrimaryKeyString()}|{transition.Peer}");
        try
        {
            _histories[transition.Peer] = await peer.RecordAsync(new SessionChange(
                RouteViews.StateName(transition.From), RouteViews.StateName(transition.To), transition.At, transition.Reason));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The session view stays current from BMP; only the durable history missed this change.
            logger.LogWarning(exception, "Router {Router}: the flap history of {Peer} missed a change to {State}",
                this.GetPrimaryKeyString(), transition.Peer, transition.To);
        }

        if (_router.Sessions.FirstOrDefault(s => s.Key.Equals(transition.Peer)) is { } session)
        {
            await PublishAsync(NetworkEvents.Peer(this.GetPrimaryKeyString(), ToStatus(session), transition.At));
        }
    }

    private async Task PublishAsync(OrleansNetOps.Grains.Events.NetOpsEvent item)
    {
        try
        {
            _events ??= this.GetStreamProvider(OrleansNetOps.Grains.Events.NetOpsStreams.Provider)
                .GetStream<OrleansNetOps.Grains.Events.NetOpsEvent>(OrleansNetOps.Grains.Events.NetOpsStreams.Events());
            await _events.OnNextAsync(item);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The live feed is a convenience for watchers; the router's state and the API stay right without it.
            logger.LogWarning(exception, "Router {Router}: a {Kind} event for the live feed was not published", this.GetPrimaryKeyString(), item.Kind);
        }
    }

    private static bool IsBest(IReadOnlyDictionary<Nlri, SelectedRoute>? best, MonitoredRoute route) =>
        best is not null && best.TryGetValue(new Nlri(route.Route.Prefix), out var selected) &&
        selected.Route.Peer.Equals(route.Peer) && selected.Route.Route == route.Route;

    private RibResult Empty(RibQuery query) =>
        new(this.GetPrimaryKeyString(), RouteViews.ViewName(query.View), AfiName(query.Afi), [], false, 0, false, RouteViews.SafiName(query.Safi));

    // The all-zero pseudo-peer carries locally originated routes (FRR); it is not a session. Loc-RIB instances share
    // that address and are listed (with their RD and VRF), though not counted as sessions.
    private IEnumerable<PeerSession> MonitoredSessions(bool includeLocalOrigin = false) =>
        _router.Sessions.Where(s => includeLocalOrigin || !s.Key.IsLocalOrigin || s.Key.PeerType == BmpPeerType.LocRib);

    private PeerStatus ToStatus(PeerSession session)
    {
        var history = _histories.GetValueOrDefault(session.Key);
        var prefixes = session.Key.PeerType == BmpPeerType.LocRib ? _router.RouteCount(session.Key, RibView.LocRib) : _router.RouteCount(session.Key, RibView.AdjInPost);
        if (prefixes == 0)
        {
            prefixes = _router.RouteCount(session.Key, RibView.AdjInPre);
        }

        return new PeerStatus(
            session.Key.Address.ToString(),
            session.PeerAs,
            session.PeerRouterId.ToString(),
            RouteViews.PeerTypeName(session.Key.PeerType),
            session.Key.InstanceDistinguisher?.ToString(),
            RouteViews.StateName(session.State),
            session.UpSince,
            prefixes,
            history?.FlapCount ?? session.FlapCount,
            history?.LastDownReason ?? session.LastDownReason,
            history?.LastDownAt ?? session.LastDownAt,
            session.Description,
            session.Key.IsLocalOrigin ? null : topology.NodeWithAddress(session.Key.Address),
            session.Vrf);
    }

    private static string AfiName(Afi afi) => afi == Afi.IPv6 ? "ipv6" : "ipv4";

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
