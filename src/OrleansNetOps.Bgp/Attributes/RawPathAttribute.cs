namespace OrleansNetOps.Bgp.Attributes;

/// <summary>
/// An attribute this library does not model (e.g. AIGP, OTC, BGPsec, a vendor code), kept byte for byte
/// so optional-transitive attributes can be propagated and re-encoded unchanged.
/// </summary>
/// <param name="Flags">Flags as received.</param>
/// <param name="TypeCode">Attribute type code.</param>
/// <param name="Value">Attribute value bytes.</param>
public sealed record RawPathAttribute(PathAttributeFlags Flags, byte TypeCode, EquatableArray<byte> Value);
