namespace OrleansNetOps.Telemetry.Flows;

/// <summary>A (data or options) template announced by an exporter.</summary>
public sealed record FlowTemplate
{
    /// <summary>Creates a template.</summary>
    /// <param name="templateId">Template id (256 and above).</param>
    /// <param name="fields">Fields in record order, scope fields first.</param>
    /// <param name="isOptions">True for options templates.</param>
    public FlowTemplate(ushort templateId, IReadOnlyList<TemplateField> fields, bool isOptions)
    {
        ArgumentNullException.ThrowIfNull(fields);
        TemplateId = templateId;
        Fields = fields;
        IsOptions = isOptions;
        var minimum = 0;
        var variable = false;
        foreach (var field in fields)
        {
            if (field.Length == TemplateField.VariableLength)
            {
                variable = true;
                minimum += 1;
            }
            else
            {
                minimum += field.Length;
            }
        }

        MinimumRecordLength = minimum;
        HasVariableLengthFields = variable;
    }

    /// <summary>Template id.</summary>
    public ushort TemplateId { get; }

    /// <summary>Fields, scope fields first.</summary>
    public IReadOnlyList<TemplateField> Fields { get; }

    /// <summary>True for options templates (records describe the exporter, not traffic).</summary>
    public bool IsOptions { get; }

    /// <summary>Smallest number of bytes one record takes (variable-length fields count one byte).</summary>
    public int MinimumRecordLength { get; }

    /// <summary>True when some field uses variable-length encoding.</summary>
    public bool HasVariableLengthFields { get; }
}
