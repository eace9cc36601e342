using System.Collections.Immutable;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Drivers;

/// <summary>
/// Which routers a catalogue action changes. A driver changes one device; the twin's <c>ISP_FAILOVER</c> takes down
/// every session of the ISP, so the resolver runs it on each router that peers with the ISP (this list), each with
/// its own snapshot.
/// </summary>
public static class ActionScope
{
    /// <summary>The routers <paramref name="action"/> must run on, in topology order.</summary>
    public static ImmutableArray<string> Routers(NetworkTopology topology, DeviceAction action)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(action);
        if (action.Action != "ISP_FAILOVER" || string.IsNullOrWhiteSpace(action.Parameters?.Peer))
        {
            return [action.Target];
        }

        var peer = action.Parameters.Peer.Trim();
        var isp = topology.Isp(peer)?.Id
            ?? topology.Links.Where(l => topology.Isp(l.B) is not null && l.BAddress.ToString() == peer).Select(l => l.B)
                .Concat(topology.Links.Where(l => topology.Isp(l.A) is not null && l.AAddress.ToString() == peer).Select(l => l.A))
                .FirstOrDefault();
        if (isp is null)
        {
            return [action.Target];
        }

        var routers = topology.LinksOf(isp).Select(l => l.Other(isp)).ToHashSet(StringComparer.Ordinal);
        return [.. topology.Routers.Where(r => routers.Contains(r.Id)).Select(r => r.Id)];
    }
}
