namespace OrleansNetOps.Bgp.Bmp;

/// <summary>Termination: the router is closing the session.</summary>
/// <param name="Information">TLVs (0 string, 1 reason).</param>
public sealed record BmpTermination(EquatableArray<BmpInformationTlv> Information) : BmpMessage
{
    /// <inheritdoc />
    public override BmpMessageType Type => BmpMessageType.Termination;

    /// <summary>Reason code: 0 administratively closed, 1 unspecified, 2 out of resources, 3 redundant connection, 4 permanently closed.</summary>
    public ushort? Reason => Information.FirstOrDefault(t => t.Type == 1)?.Code;
}
