namespace OrleansNetOps.Bgp.Bmp;

/// <summary>Initiation: who the monitored router is.</summary>
/// <param name="Information">TLVs (sysDescr, sysName, strings).</param>
public sealed record BmpInitiation(EquatableArray<BmpInformationTlv> Information) : BmpMessage
{
    /// <inheritdoc />
    public override BmpMessageType Type => BmpMessageType.Initiation;

    /// <summary>sysDescr (type 1), or null.</summary>
    public string? SysDescr => Information.FirstOrDefault(t => t.Type == 1)?.Text;

    /// <summary>sysName (type 2), or null.</summary>
    public string? SysName => Information.FirstOrDefault(t => t.Type == 2)?.Text;
}
