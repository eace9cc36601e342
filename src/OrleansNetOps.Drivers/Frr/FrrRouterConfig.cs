using System.Collections.Immutable;
using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Drivers.Frr;

/// <summary>
/// What the driver understands of a router's configuration: its BGP instance, neighbours and routing policy in the
/// twin's model (<see cref="RoutingPolicy"/>, peers keyed by <see cref="FrrNeighbor.Name"/>), and what it could not model.
/// </summary>
/// <param name="Text">The configuration it was read from.</param>
/// <param name="BgpHeader">The default instance's header (<c>router bgp 65001</c>), or null without BGP.</param>
/// <param name="Asn">The local AS.</param>
/// <param name="Neighbors">The neighbours, in configuration order.</param>
/// <param name="Policy">Prefix-lists, AS-path and community lists, route-maps and per-neighbour bindings.</param>
/// <param name="Warnings">Lines the model does not cover; the driver leaves them as they are.</param>
public sealed record FrrRouterConfig(
    FrrRunningConfig Text,
    string? BgpHeader,
    uint? Asn,
    ImmutableArray<FrrNeighbor> Neighbors,
    RoutingPolicy Policy,
    ImmutableArray<string> Warnings)
{
    /// <summary>
    /// The neighbours <paramref name="peer"/> designates: by name (topology id), address, or description —
    /// the first of these that matches anything.
    /// </summary>
    public ImmutableArray<FrrNeighbor> Resolve(string peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var text = peer.Trim();
        foreach (var match in new Func<FrrNeighbor, bool>[]
        {
            n => n.Name == text,
            n => string.Equals(n.Address, text, StringComparison.OrdinalIgnoreCase),
            n => n.Description == text,
        })
        {
            var found = Neighbors.Where(match).ToImmutableArray();
            if (!found.IsEmpty)
            {
                return found;
            }
        }

        return [];
    }
}
