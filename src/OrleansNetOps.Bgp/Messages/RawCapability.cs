namespace OrleansNetOps.Bgp.Messages;

/// <summary>
/// A capability kept as bytes: graceful restart (64), enhanced route refresh (70), FQDN (73), the
/// pre-standard Cisco route refresh (128) and anything newer than this library.
/// </summary>
/// <param name="RawCode">Capability code.</param>
/// <param name="Value">Capability value.</param>
public sealed record RawCapability(byte RawCode, EquatableArray<byte> Value) : Capability
{
    /// <inheritdoc />
    public override byte Code => RawCode;
}
