using System.Collections.Frozen;
using System.Collections.Immutable;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>Which origin ASes may announce which prefixes (and everything inside them): ours from topology.yaml, plus any others configured.</summary>
public sealed class PrefixOwnership
{
    private readonly FrozenDictionary<IpPrefix, ImmutableArray<uint>> _owners;

    /// <summary>Creates the table from prefix/origin pairs; repeated prefixes merge their origins.</summary>
    public PrefixOwnership(IEnumerable<(IpPrefix Prefix, uint Origin)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _owners = entries
            .GroupBy(e => e.Prefix)
            .ToFrozenDictionary(g => g.Key, g => g.Select(e => e.Origin).Distinct().Order().ToImmutableArray());
    }

    /// <summary>Our own prefixes: everything our routers originate (topology <c>originates</c>), owned by our AS.</summary>
    public static PrefixOwnership FromTopology(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return new PrefixOwnership(topology.Routers.SelectMany(r => r.Originates).Select(p => (p, topology.Asn)));
    }

    /// <summary>Number of prefixes.</summary>
    public int Count => _owners.Count;

    /// <summary>Every prefix with its authorised origins.</summary>
    public IEnumerable<(IpPrefix Prefix, ImmutableArray<uint> Origins)> Entries => _owners.Select(e => (e.Key, e.Value));

    /// <summary>The authorised origins of exactly <paramref name="prefix"/>.</summary>
    public bool TryGetOrigins(IpPrefix prefix, out ImmutableArray<uint> origins) => _owners.TryGetValue(prefix, out origins);
}
