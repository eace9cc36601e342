using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Drivers.Transport;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Drivers.Frr;

/// <summary>One FRR router the driver may change.</summary>
/// <param name="Router">Its topology id (the <see cref="DeviceAction.Target"/> that selects it).</param>
/// <param name="Transport">How its vtysh is reached.</param>
public sealed record FrrDevice(string Router, IVtyshTransport Transport)
{
    /// <summary>Topology ids by neighbour address: the policy keys the twin uses, so names the driver creates are the twin's.</summary>
    public ImmutableSortedDictionary<string, string> NeighborNames { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>A device for <paramref name="router"/> of <paramref name="topology"/>, its neighbours named as the topology names them.</summary>
    /// <exception cref="ArgumentException"><paramref name="router"/> is not one of the topology's routers.</exception>
    public static FrrDevice FromTopology(NetworkTopology topology, string router, IVtyshTransport transport)
    {
        ArgumentNullException.ThrowIfNull(topology);
        if (topology.Router(router) is null)
        {
            throw new ArgumentException($"'{router}' is not a router of topology '{topology.Name}' (routers: {string.Join(", ", topology.Routers.Select(r => r.Id))})", nameof(router));
        }

        var names = topology.LinksOf(router).ToImmutableSortedDictionary(
            l => l.AddressOf(l.Other(router)).ToString(), l => l.Other(router), StringComparer.Ordinal);
        return new FrrDevice(router, transport) { NeighborNames = names };
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Router} via {Transport.Endpoint}");
}
