using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Rib;

/// <summary>A packed key of a labelled route: route distinguisher, prefix and path identifier, never the labels.</summary>
/// <typeparam name="TSelf">The key type.</typeparam>
internal interface ILabeledRouteKey<TSelf> : IEquatable<TSelf>
    where TSelf : struct, ILabeledRouteKey<TSelf>
{
    /// <summary>The key of <paramref name="route"/>; a missing distinguisher (labelled unicast) packs as zero.</summary>
    static abstract TSelf Of(in LabeledNlri route);

    /// <summary>The route back, with its labels and, for L3VPN, its distinguisher.</summary>
    LabeledNlri ToNlri(EquatableArray<uint> labels, bool vpn);
}
