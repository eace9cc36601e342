namespace OrleansNetOps.Telemetry.Flows;

/// <summary>One field of a template: which element, and how many bytes it takes in a record.</summary>
/// <param name="Element">The element, resolved against <see cref="InformationElementRegistry"/>.</param>
/// <param name="Length">Length in bytes, or <see cref="VariableLength"/> for IPFIX variable-length encoding.</param>
/// <param name="IsScope">True for the scope fields of an options template.</param>
public sealed record TemplateField(InformationElement Element, ushort Length, bool IsScope)
{
    /// <summary>The IPFIX field length that announces variable-length encoding (RFC 7011 section 7).</summary>
    public const ushort VariableLength = 0xFFFF;
}
