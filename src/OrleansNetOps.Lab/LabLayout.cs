using System.Net;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Lab;

/// <summary>How a topology maps onto a lab: a node per router and ISP, a veth pair per link.</summary>
public sealed class LabLayout
{
    private const int MaxInterfaceName = 15;

    private readonly Dictionary<string, LabNode> _nodes;

    /// <summary>Lays out <paramref name="topology"/> for the lab described by <paramref name="options"/>.</summary>
    public LabLayout(NetworkTopology topology, LabOptions options)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        Topology = topology;
        Options = options;
        var nodes = topology.Routers
            .Select(r => Node(r.Id, r.Hostname, r.Asn, r.RouterId, isOurs: true))
            .Concat(topology.Isps.Select(i => Node(i.Id, i.Id.ToLowerInvariant(), i.Asn, i.RouterId, isOurs: false)))
            .ToList();
        _nodes = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        Nodes = nodes;
        Wires = [.. topology.Links.Select((link, index) => new LabWire(link, InterfaceName(link, link.A, index), InterfaceName(link, link.B, index)))];

        LabNode Node(string id, string hostname, uint asn, IPAddress routerId, bool isOurs) =>
            new(id, hostname, asn, routerId, isOurs, options.NamespacePrefix + id, Path.Combine(options.StateDirectory, id));
    }

    /// <summary>The topology.</summary>
    public NetworkTopology Topology { get; }

    /// <summary>The lab's name, port and state directory.</summary>
    public LabOptions Options { get; }

    /// <summary>Every bgpd of the lab, our routers first.</summary>
    public IReadOnlyList<LabNode> Nodes { get; }

    /// <summary>Every veth pair.</summary>
    public IReadOnlyList<LabWire> Wires { get; }

    /// <summary>A node by topology id (also matched case-insensitively, and by hostname, for the CLI).</summary>
    /// <exception cref="ArgumentException">No such node.</exception>
    public LabNode Node(string id) =>
        _nodes.GetValueOrDefault(id)
        ?? Nodes.FirstOrDefault(n => string.Equals(n.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(n.Hostname, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"'{id}' is not a router or ISP of topology '{Topology.Name}' (nodes: {string.Join(", ", Nodes.Select(n => n.Id))})");

    /// <summary>The wire carrying the session between two nodes.</summary>
    /// <exception cref="ArgumentException">They share no link.</exception>
    public LabWire Wire(string nodeId, string peerId)
    {
        var node = Node(nodeId).Id;
        var peer = Node(peerId).Id;
        return Wires.FirstOrDefault(w => w.Link.Touches(node) && w.Link.Other(node) == peer)
            ?? throw new ArgumentException($"{node} and {peer} share no link");
    }

    /// <summary>The address bgpd on <paramref name="nodeId"/> uses as neighbour address for <paramref name="peerId"/>.</summary>
    public IPAddress NeighborAddress(string nodeId, string peerId)
    {
        var wire = Wire(nodeId, peerId);
        return wire.Link.AddressOf(wire.Link.Other(Node(nodeId).Id));
    }

    /// <summary>The node owning a session address, if any.</summary>
    public LabNode? NodeWithAddress(IPAddress address) =>
        Topology.NodeWithAddress(address) is { } id ? _nodes[id] : null;

    // Readable names ("to-ISP-A") where they fit the kernel's 15 characters and are unique on the node; "l<index>" otherwise.
    private string InterfaceName(TopologyLink link, string nodeId, int index)
    {
        var other = link.Other(nodeId);
        var readable = "to-" + other;
        var parallel = Topology.Links.Count(l => l.Touches(nodeId) && l.Other(nodeId) == other) > 1;
        return readable.Length <= MaxInterfaceName && !parallel && readable.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? readable
            : $"l{index}";
    }
}
