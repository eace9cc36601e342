namespace OrleansNetOps.Bgp.Mrt;

/// <summary>The common MRT header.</summary>
/// <param name="Timestamp">Seconds since the Unix epoch.</param>
/// <param name="Microseconds">Microseconds, for the _ET types; 0 otherwise.</param>
/// <param name="Type">Record type.</param>
/// <param name="Subtype">Record subtype.</param>
/// <param name="Length">Body length (for _ET types, including the microsecond field).</param>
public readonly record struct MrtHeader(uint Timestamp, uint Microseconds, MrtType Type, ushort Subtype, uint Length)
{
    /// <summary>Size of the header on the wire, excluding the _ET microsecond field.</summary>
    public const int Size = 12;

    /// <summary>True for the types that carry a microsecond field.</summary>
    public bool IsExtendedTimestamp => Type is MrtType.Bgp4mpEt or MrtType.IsisEt or MrtType.Ospf3Et;
}
