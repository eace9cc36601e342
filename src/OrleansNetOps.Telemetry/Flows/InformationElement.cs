namespace OrleansNetOps.Telemetry.Flows;

/// <summary>An IPFIX / NetFlow v9 information element: what a field in a template means.</summary>
/// <param name="Id">Element identifier (without the enterprise bit).</param>
/// <param name="EnterpriseNumber">Private enterprise number; 0 for IANA elements.</param>
/// <param name="Name">IANA name (e.g. <c>octetDeltaCount</c>), or a synthetic name for unknown elements.</param>
/// <param name="DataType">How the bytes are interpreted.</param>
public sealed record InformationElement(ushort Id, uint EnterpriseNumber, string Name, FlowDataType DataType)
{
    /// <summary>True when the registry does not know this element; its value is kept raw.</summary>
    public bool IsUnknown { get; init; }
}
