using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Messages;

/// <summary>Multiprotocol extensions, code 1 (RFC 4760).</summary>
/// <param name="Family">The supported family.</param>
public sealed record MultiprotocolCapability(AfiSafi Family) : Capability
{
    /// <inheritdoc />
    public override byte Code => 1;
}
