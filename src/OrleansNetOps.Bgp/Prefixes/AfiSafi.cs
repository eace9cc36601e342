namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>An address family and sub-family pair, the unit that BGP capabilities and ADD-PATH negotiate.</summary>
/// <param name="Afi">Address family.</param>
/// <param name="Safi">Subsequent address family.</param>
public readonly record struct AfiSafi(Afi Afi, Safi Safi)
{
    /// <summary>IPv4 unicast.</summary>
    public static AfiSafi IPv4Unicast => new(Afi.IPv4, Safi.Unicast);

    /// <summary>IPv6 unicast.</summary>
    public static AfiSafi IPv6Unicast => new(Afi.IPv6, Safi.Unicast);

    /// <summary>True for IPv4/IPv6 unicast or multicast, whose NLRI this library decodes into prefixes.</summary>
    public bool HasPlainPrefixes =>
        (Afi is Afi.IPv4 or Afi.IPv6) && (Safi is Safi.Unicast or Safi.Multicast);

    /// <summary>e.g. <c>IPv4/Unicast</c>.</summary>
    public override string ToString() => $"{Afi}/{Safi}";
}
