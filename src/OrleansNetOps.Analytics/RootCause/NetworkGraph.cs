using System.Globalization;
using System.Net;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Analytics.RootCause;

/// <summary>
/// The topology as root-cause analysis walks it: which link a session or an interface sits on, which sessions a link
/// carries, what lies at the far end. Interfaces are matched by the lab's names (<c>to-ISP-A</c>, or <c>l3</c> for the
/// fourth link) — the only convention the topology gives; other names locate to their router only.
/// </summary>
public sealed class NetworkGraph
{
    private readonly Dictionary<string, TopologyLink> _links = new(StringComparer.Ordinal);

    /// <summary>Indexes a topology.</summary>
    public NetworkGraph(NetworkTopology topology)
    {
        Topology = topology ?? throw new ArgumentNullException(nameof(topology));
        foreach (var link in topology.Links)
        {
            _links[LinkId(link)] = link;
        }
    }

    /// <summary>The topology.</summary>
    public NetworkTopology Topology { get; }

    /// <summary>A link's id as finding subjects write it: <c>A~B</c> in topology.yaml's order.</summary>
    public static string LinkId(TopologyLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Subjects.Link(link.A, link.B).Id;
    }

    /// <summary>A link by id, either end first.</summary>
    public TopologyLink? Link(string id)
    {
        if (_links.TryGetValue(id, out var link))
        {
            return link;
        }

        return Subjects.TrySplitLink(id, out var a, out var b) ? LinkBetween(b, a) : null;
    }

    /// <summary>Whether <paramref name="id"/> is one of our routers.</summary>
    public bool IsRouter(string? id) => id is not null && Topology.Router(id) is not null;

    /// <summary>Whether <paramref name="id"/> is an ISP.</summary>
    public bool IsIsp(string? id) => id is not null && Topology.Isp(id) is not null;

    /// <summary>The one link between two nodes; null when there is none or several.</summary>
    public TopologyLink? LinkBetween(string a, string b)
    {
        TopologyLink? found = null;
        foreach (var link in Topology.Links)
        {
            if (link.Touches(a) && link.Other(a) == b)
            {
                if (found is not null)
                {
                    return null;
                }

                found = link;
            }
        }

        return found;
    }

    /// <summary>The link a router's session with <paramref name="neighbor"/> (an address) runs over.</summary>
    public TopologyLink? SessionLink(string router, string neighbor)
    {
        if (!IPAddress.TryParse(neighbor, out var address))
        {
            return null;
        }

        return Topology.LinksOf(router).FirstOrDefault(l => l.AddressOf(l.Other(router)).Equals(address));
    }

    /// <summary>The link behind a router's interface, by the lab's interface names.</summary>
    public TopologyLink? LinkOfInterface(string router, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith("to-", StringComparison.OrdinalIgnoreCase))
        {
            var other = name[3..];
            var node = Topology.Routers.Select(r => r.Id).Concat(Topology.Isps.Select(i => i.Id))
                .FirstOrDefault(id => string.Equals(id, other, StringComparison.OrdinalIgnoreCase));
            return node is null ? null : LinkBetween(router, node);
        }

        if (name.Length > 1 && name[0] == 'l' && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < Topology.Links.Count && Topology.Links[index].Touches(router))
        {
            return Topology.Links[index];
        }

        return null;
    }

    /// <summary>The session ids a link's BGP session has at our routers' ends (one for a link to an ISP, two inside).</summary>
    public IEnumerable<string> SessionsOn(TopologyLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        foreach (var end in new[] { link.A, link.B })
        {
            if (IsRouter(end))
            {
                yield return Subjects.Session(end, link.AddressOf(link.Other(end)).ToString()).Id;
            }
        }
    }

    /// <summary>The subject of a link.</summary>
    public static FindingSubject SubjectOf(TopologyLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Subjects.Link(link.A, link.B);
    }
}
