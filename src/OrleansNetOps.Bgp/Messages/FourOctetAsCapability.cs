namespace OrleansNetOps.Bgp.Messages;

/// <summary>Support for 4-octet AS numbers, code 65 (RFC 6793).</summary>
/// <param name="Asn">The speaker's real AS number.</param>
public sealed record FourOctetAsCapability(uint Asn) : Capability
{
    /// <inheritdoc />
    public override byte Code => 65;
}
