using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Prefixes;
using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>A route in the API's <c>rib</c> shape.</summary>
/// <param name="Prefix">The prefix.</param>
/// <param name="PeerAddress">The neighbour it came from (<c>0.0.0.0</c> for our own).</param>
/// <param name="NextHop">The next hop.</param>
/// <param name="AsPath">The flattened AS path.</param>
/// <param name="Origin"><c>igp|egp|incomplete</c>.</param>
/// <param name="Med">MED, when present.</param>
/// <param name="LocalPref">LOCAL_PREF, when present.</param>
/// <param name="Communities">Standard communities as <c>A:B</c>.</param>
/// <param name="Best">Whether it is the best path.</param>
[GenerateSerializer, Immutable]
public sealed record RibRoute(string Prefix, string PeerAddress, string? NextHop, IReadOnlyList<uint> AsPath, string Origin, uint? Med, uint? LocalPref,
    IReadOnlyList<string> Communities, bool Best)
{
    /// <summary>The route shape of a path.</summary>
    public static RibRoute From(IpPrefix prefix, CandidatePath path, bool best)
    {
        ArgumentNullException.ThrowIfNull(path);
        var attributes = path.Attributes;
        var asPath = (attributes.EffectiveAsPath ?? Bgp.Attributes.AsPath.Empty).Segments.SelectMany(s => s.Asns).ToArray();
        var origin = attributes.Origin switch
        {
            Bgp.Attributes.Origin.Igp => "igp",
            Bgp.Attributes.Origin.Egp => "egp",
            _ => "incomplete",
        };
        return new RibRoute(prefix.ToString(), path.Peer.Address.ToString(), path.EffectiveNextHop?.ToString(), asPath, origin,
            attributes.MultiExitDisc, attributes.LocalPref, attributes.Communities.Select(c => c.ToString()).ToArray(), best);
    }

    /// <summary>True when both describe the same route (lists compared by value).</summary>
    public bool SameAs(RibRoute? other) =>
        other is not null && Prefix == other.Prefix && PeerAddress == other.PeerAddress && NextHop == other.NextHop && AsPath.SequenceEqual(other.AsPath)
        && Origin == other.Origin && Med == other.Med && LocalPref == other.LocalPref && Communities.SequenceEqual(other.Communities) && Best == other.Best;

    /// <summary>A compact form for diffs: <c>via NH [AS PATH] lp L med M</c>.</summary>
    public override string ToString() => $"via {NextHop} [{string.Join(' ', AsPath)}] lp {LocalPref?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} med {Med?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
}
