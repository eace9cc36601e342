namespace OrleansNetOps.Bgp.Attributes;

/// <summary>Attribute flag bits (RFC 4271 section 4.3).</summary>
[Flags]
public enum PathAttributeFlags : byte
{
    /// <summary>No flag set: a well-known attribute.</summary>
    None = 0,

    /// <summary>Low four bits, reserved; kept so unknown attributes round-trip unchanged.</summary>
    Reserved = 0x0F,

    /// <summary>Length is two octets.</summary>
    ExtendedLength = 0x10,

    /// <summary>The attribute was not recognised by some speaker on the path.</summary>
    Partial = 0x20,

    /// <summary>Passed on by speakers that do not recognise it.</summary>
    Transitive = 0x40,

    /// <summary>Optional rather than well-known.</summary>
    Optional = 0x80,
}
