using System.Net;

namespace OrleansNetOps.Telemetry.Flows;

/// <summary>One data record (or options record) decoded with its template.</summary>
/// <param name="Protocol">Export protocol.</param>
/// <param name="Exporter">Address the datagram came from.</param>
/// <param name="ObservationDomainId">IPFIX observation domain or NetFlow v9 source id (engine type/id for v5).</param>
/// <param name="TemplateId">Template the record was decoded with (0 for NetFlow v5).</param>
/// <param name="IsOptions">True when the record describes the exporter (options template), not traffic.</param>
/// <param name="ExportTime">Export time from the message header.</param>
/// <param name="SystemUptimeMilliseconds">Exporter uptime from the header (NetFlow v5/v9); null for IPFIX.</param>
/// <param name="Fields">Fields in template order.</param>
public sealed record FlowDataRecord(
    FlowProtocol Protocol,
    IPAddress Exporter,
    uint ObservationDomainId,
    ushort TemplateId,
    bool IsOptions,
    DateTimeOffset ExportTime,
    long? SystemUptimeMilliseconds,
    IReadOnlyList<FlowField> Fields)
{
    /// <summary>Sampling interval the exporter announced for this record's domain (1 when none was seen).</summary>
    public uint SamplingInterval { get; init; } = 1;

    /// <summary>Exporter boot time from an options record's systemInitTimeMilliseconds, which anchors sysUpTime stamps in IPFIX.</summary>
    public DateTimeOffset? SystemInitTime { get; init; }

    /// <summary>First field for an IANA element id.</summary>
    public bool TryGet(ushort elementId, out FlowField field)
    {
        foreach (var f in Fields)
        {
            if (f.Element.Id == elementId && f.Element.EnterpriseNumber == 0)
            {
                field = f;
                return true;
            }
        }

        field = default;
        return false;
    }

    /// <summary>First field with an element name, e.g. <c>octetDeltaCount</c>.</summary>
    public bool TryGet(string name, out FlowField field)
    {
        foreach (var f in Fields)
        {
            if (f.Element.Name == name)
            {
                field = f;
                return true;
            }
        }

        field = default;
        return false;
    }
}
