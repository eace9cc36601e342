using System.Net;
using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Twin.Model;

/// <summary>
/// The session graph of a topology as the twin's BGP speakers see it: our routers first, then the ISPs, each with
/// its sessions (one per link), route-reflector clients and next-hop-self as the lab configures them.
/// </summary>
public sealed class TwinModel
{
    private readonly Dictionary<string, int> _byId;
    private readonly Dictionary<IPAddress, int> _byAddress = [];

    private TwinModel(NetworkTopology topology, IReadOnlyList<TwinNode> nodes)
    {
        Topology = topology;
        Nodes = nodes;
        _byId = nodes.ToDictionary(n => n.Id, n => n.Index, StringComparer.Ordinal);
        foreach (var link in topology.Links)
        {
            _byAddress.TryAdd(link.AAddress, _byId[link.A]);
            _byAddress.TryAdd(link.BAddress, _byId[link.B]);

            // IPv6 routes over IPv4 sessions carry the IPv4-mapped session address as next hop.
            _byAddress.TryAdd(link.AAddress.MapToIPv6(), _byId[link.A]);
            _byAddress.TryAdd(link.BAddress.MapToIPv6(), _byId[link.B]);
        }
    }

    /// <summary>The topology it was built from.</summary>
    public NetworkTopology Topology { get; }

    /// <summary>All speakers: our routers (topology order), then the ISPs.</summary>
    public IReadOnlyList<TwinNode> Nodes { get; }

    /// <summary>The decision-process knobs every lab router runs with (<c>bgp bestpath compare-routerid</c>).</summary>
    public BestPathOptions DecisionOptions { get; } = new() { CompareRouterId = true };

    /// <summary>Builds the model of <paramref name="topology"/>.</summary>
    public static TwinModel From(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var ids = topology.Routers.Select(r => r.Id).Concat(topology.Isps.Select(i => i.Id)).ToList();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var sessions = ids.Select(_ => new List<(int Link, int Peer)>()).ToList();
        for (var l = 0; l < topology.Links.Count; l++)
        {
            var link = topology.Links[l];
            sessions[index[link.A]].Add((l, index[link.B]));
            sessions[index[link.B]].Add((l, index[link.A]));
        }

        var nodes = new List<TwinNode>();
        for (var n = 0; n < ids.Count; n++)
        {
            var id = ids[n];
            var router = topology.Router(id);
            var isp = topology.Isp(id);
            var local = router is not null ? new LocalRouter(router.Asn, router.RouterId) : new LocalRouter(isp!.Asn, isp.RouterId);
            var isEdge = router is not null && topology.LinksOf(id).Any(l => l.Kind == SessionKind.Ebgp);
            var list = new List<TwinSession>();
            foreach (var (linkIndex, peerIndex) in sessions[n])
            {
                var link = topology.Links[linkIndex];
                var peerId = ids[peerIndex];
                var peerAsn = topology.AsnOf(peerId);
                var peerRouterId = topology.Router(peerId)?.RouterId ?? topology.Isp(peerId)!.RouterId;
                var internalSession = peerAsn == local.Asn;
                var peer = new BgpPeer(link.AddressOf(peerId), peerAsn, peerRouterId, internalSession ? PeerType.Internal : PeerType.External)
                {
                    LocalAddress = link.AddressOf(id),
                    IsRouteReflectorClient = internalSession && router is not null && router.ReflectorClients.Contains(peerId),
                    NextHopSelf = internalSession && isEdge,
                };
                var reverse = sessions[peerIndex].FindIndex(s => s.Link == linkIndex) + 1;
                list.Add(new TwinSession(linkIndex, peerIndex, peerId, peer, reverse));
            }

            nodes.Add(new TwinNode(n, id, router is not null, local, list));
        }

        return new TwinModel(topology, nodes);
    }

    /// <summary>The node index of <paramref name="id"/>, or -1.</summary>
    public int IndexOf(string id) => _byId.TryGetValue(id, out var i) ? i : -1;

    /// <summary>The node owning a session address (IPv4-mapped IPv6 next hops are mapped back), or null.</summary>
    public TwinNode? NodeWithAddress(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        return _byAddress.TryGetValue(address, out var index) ? Nodes[index] : null;
    }
}
