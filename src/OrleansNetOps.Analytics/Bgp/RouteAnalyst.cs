using System.Collections.Immutable;
using System.Net.Sockets;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// The route detectors of one of our routers, fed from its raw BMP stream: what its eBGP neighbours send it (Adj-RIB-In,
/// one view per session: the first the router reports) goes, prefix by prefix, to the <see cref="RouteLeakDetector"/>
/// (our ISPs are our providers, plus any configured relationships), the <see cref="OriginMonitor"/> (origin hijacks and
/// MOAS across the router's sessions), the <see cref="MoreSpecificHijackDetector"/> (our prefixes) and, counted per
/// UPDATE, the <see cref="ChurnStormDetector"/>. Peer Up grants the table transfer its grace; Peer Down takes the
/// session's routes out of the origin view. Loc-RIB, Adj-RIB-Out, iBGP sessions and labelled or VPN families are not
/// read: they repeat what the eBGP sessions brought. The frames are decoded with the analyst's own reader, so the router
/// grain only hands them on. Memory is bounded by the origin monitor's prefix limit. Not thread-safe.
/// </summary>
public sealed class RouteAnalyst
{
    private readonly string _router;
    private readonly uint _ourAs;
    private readonly RouteLeakDetector _leaks;
    private readonly MoreSpecificHijackDetector _moreSpecifics;
    private readonly ChurnStormDetector _churn;
    private readonly OriginMonitor _origins;
    private readonly Dictionary<IpPrefix, Vantage> _vantages = [];
    private BmpReader _reader = new();

    /// <summary>Creates the analyst of one router.</summary>
    /// <param name="router">The router's topology id.</param>
    /// <param name="topology">Our network: our AS, our ISPs, the prefixes we originate.</param>
    /// <param name="options">Relationships and prefixes configured beyond the topology, and the detectors' limits.</param>
    public RouteAnalyst(string router, NetworkTopology topology, RouteAnalystOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(router);
        ArgumentNullException.ThrowIfNull(topology);
        options ??= RouteAnalystOptions.Default;
        _router = router;
        _ourAs = topology.Asn;
        _leaks = new RouteLeakDetector(options.Relationships, topology);
        _moreSpecifics = new MoreSpecificHijackDetector(new PrefixOwnership(
            PrefixOwnership.FromTopology(topology).Entries.Concat(options.OwnPrefixes.Entries)
                .SelectMany(e => e.Origins.Select(o => (e.Prefix, o)))));
        _churn = new ChurnStormDetector(options.Churn);
        _origins = new OriginMonitor(options.Origins);
    }

    /// <summary>Prefix announcements and withdrawals checked.</summary>
    public long PrefixUpdates { get; private set; }

    /// <summary>Frames that did not decode (nothing of them was checked).</summary>
    public long Malformed { get; private set; }

    /// <summary>Prefixes the origin monitor tracks.</summary>
    public int TrackedPrefixes => _origins.TrackedPrefixes;

    /// <summary>
    /// A new BMP session starts: the router re-sends every session and route, so the decoder starts afresh and the
    /// routes held on the old session no longer count for any origin.
    /// </summary>
    public void Restart()
    {
        _reader = new BmpReader();
        foreach (var vantage in _vantages.Values)
        {
            _origins.ForgetVantage(vantage.Name);
        }

        _vantages.Clear();
    }

    /// <summary>Checks one framed BMP message of the router's session (in order); the findings it raised.</summary>
    /// <exception cref="OrleansNetOps.Bgp.Wire.BgpDecodeException">The message is malformed; nothing of it was checked.</exception>
    public ImmutableArray<Finding> Observe(ReadOnlySpan<byte> frame, DateTimeOffset at)
    {
        var sink = new Sink(this, at);
        BmpMessage? message;
        try
        {
            message = _reader.DecodeRoutes(frame, ref sink);
        }
        catch (OrleansNetOps.Bgp.Wire.BgpDecodeException)
        {
            Malformed++;
            throw;
        }

        sink.Flush();
        switch (message)
        {
            case BmpPeerUp up when Read(up.Peer) is { } vantage:
                _churn.ObserveSession(new SessionChange(at, _router, vantage.Address, SessionState.Idle, SessionState.Established, null));
                break;
            case BmpPeerDown down when _vantages.Remove(Host(down.Peer.PeerAddress), out var gone):
                _origins.ForgetVantage(gone.Name);
                break;
        }

        return sink.Findings;
    }

    /// <summary>Closes the churn buckets that ended by <paramref name="now"/> (call it on a timer: a storm ends in silence too).</summary>
    public ImmutableArray<Finding> Advance(DateTimeOffset now) => _churn.Advance(now);

    private Vantage? Read(BmpPeerHeader peer) =>
        peer.PeerType == BmpPeerType.Global && peer.PeerAs != 0 && peer.PeerAs != _ourAs
            ? VantageOf(Host(peer.PeerAddress), peer.PeerAs)
            : null;

    private static IpPrefix Host(System.Net.IPAddress address) =>
        IpPrefix.Create(address, address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32);

    private Vantage VantageOf(IpPrefix address, uint peerAs)
    {
        if (!_vantages.TryGetValue(address, out var vantage))
        {
            var text = address.Address.ToString();
            vantage = new Vantage($"{_router}|{text}", text, peerAs);
            _vantages[address] = vantage;
        }

        return vantage;
    }

    // One session's identity as the detectors name it, and which Adj-RIB-In view of it is read.
    private sealed class Vantage(string name, string address, uint peerAs)
    {
        public string Name { get; } = name;

        public string Address { get; } = address;

        public uint PeerAs { get; } = peerAs;

        public bool? PostPolicy { get; set; }
    }

    // Receives the routes of Route Monitoring messages straight from the decoder; counts churn per message.
    private struct Sink(RouteAnalyst analyst, DateTimeOffset at) : IBmpRouteSink
    {
        private Vantage? _current;
        private int _announced;
        private int _withdrawn;
        private ImmutableArray<Finding>.Builder? _findings;

        public readonly ImmutableArray<Finding> Findings => _findings?.ToImmutable() ?? [];

        public void BeginUpdate(in BmpRoutePeer peer)
        {
            Flush();
            _current = null;
            if (peer.PeerType != BmpPeerType.Global || peer.IsAdjRibOut || peer.PeerAs == 0 || peer.PeerAs == analyst._ourAs)
            {
                return;
            }

            var vantage = analyst.VantageOf(peer.PeerAddress, peer.PeerAs);
            vantage.PostPolicy ??= peer.IsPostPolicy;
            if (vantage.PostPolicy == peer.IsPostPolicy)
            {
                _current = vantage;
            }
        }

        public void Announce(AfiSafi family, Nlri route, PathAttributes attributes, MpReachNlri? reach)
        {
            if (_current is not null && family.Safi == Safi.Unicast)
            {
                _announced++;
                Check(new RouteUpdate(at, _current.Name, analyst._router, route.Prefix, attributes.EffectiveAsPath ?? AsPath.Empty));
            }
        }

        public readonly void Announce(AfiSafi family, in LabeledNlri route, PathAttributes attributes, MpReachNlri reach)
        {
        }

        public void Withdraw(AfiSafi family, Nlri route)
        {
            if (_current is not null && family.Safi == Safi.Unicast)
            {
                _withdrawn++;
                Check(new RouteUpdate(at, _current.Name, analyst._router, route.Prefix, null));
            }
        }

        public readonly void Withdraw(AfiSafi family, in LabeledNlri route)
        {
        }

        public readonly void EndOfRib(AfiSafi family)
        {
        }

        public void Flush()
        {
            if (_current is not null && _announced + _withdrawn > 0)
            {
                Add(analyst._churn.ObserveCount(at, _current.Name, analyst._router, _announced, _withdrawn));
            }

            _announced = 0;
            _withdrawn = 0;
        }

        private void Check(RouteUpdate update)
        {
            analyst.PrefixUpdates++;
            Add(analyst._origins.Observe(update));
            if (!update.IsWithdrawal)
            {
                Add(analyst._moreSpecifics.Observe(update));
                Add(analyst._leaks.ObserveReceived(update));
            }
        }

        private void Add(Finding? finding)
        {
            if (finding is not null)
            {
                (_findings ??= ImmutableArray.CreateBuilder<Finding>()).Add(finding);
            }
        }

        private void Add(ImmutableArray<Finding> findings)
        {
            if (!findings.IsEmpty)
            {
                (_findings ??= ImmutableArray.CreateBuilder<Finding>()).AddRange(findings);
            }
        }
    }
}
