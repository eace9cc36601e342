namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>A decoded syslog message; fields absent on the wire (NILVALUE, or not part of the format) are null.</summary>
/// <param name="Format">RFC 5424 or RFC 3164.</param>
/// <param name="Facility">Facility from PRI.</param>
/// <param name="Severity">Severity from PRI.</param>
/// <param name="Timestamp">Time the sender stamped; for RFC 3164 the year and offset come from the receiver's clock.</param>
/// <param name="Hostname">HOSTNAME field.</param>
/// <param name="AppName">APP-NAME (RFC 5424) or TAG (RFC 3164).</param>
/// <param name="ProcId">PROCID (RFC 5424) or the <c>[pid]</c> after the tag (RFC 3164).</param>
/// <param name="MsgId">MSGID (RFC 5424 only).</param>
/// <param name="StructuredData">Structured data elements (empty when NILVALUE or RFC 3164).</param>
/// <param name="Message">Free-form message text, decoded as UTF-8 with any BOM removed.</param>
public sealed record SyslogMessage(
    SyslogFormat Format,
    SyslogFacility Facility,
    SyslogSeverity Severity,
    DateTimeOffset? Timestamp,
    string? Hostname,
    string? AppName,
    string? ProcId,
    string? MsgId,
    IReadOnlyList<StructuredDataElement> StructuredData,
    string Message);
