namespace OrleansNetOps.Bgp.Messages;

/// <summary>ADD-PATH, code 69 (RFC 7911).</summary>
/// <param name="Families">Per-family send/receive offers.</param>
public sealed record AddPathCapability(EquatableArray<AddPathFamily> Families) : Capability
{
    /// <inheritdoc />
    public override byte Code => 69;
}
