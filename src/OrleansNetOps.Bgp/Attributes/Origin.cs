namespace OrleansNetOps.Bgp.Attributes;

/// <summary>ORIGIN attribute values.</summary>
public enum Origin : byte
{
    /// <summary>Learned from an interior protocol.</summary>
    Igp = 0,

    /// <summary>Learned from EGP.</summary>
    Egp = 1,

    /// <summary>Learned some other way (typically redistribution).</summary>
    Incomplete = 2,
}
