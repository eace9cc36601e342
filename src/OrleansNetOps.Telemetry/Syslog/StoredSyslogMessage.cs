namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>A syslog message as kept: the router it was attributed to, where it came from, and when.</summary>
/// <param name="Time">The sender's timestamp, or the reception time when the message has none.</param>
/// <param name="ReceivedAt">When the collector received it.</param>
/// <param name="Router">Router id.</param>
/// <param name="Source">Sender address, or <c>unix:PATH</c> for the Unix socket.</param>
/// <param name="Transport"><c>udp</c>, <c>tcp</c> or <c>unix</c>.</param>
/// <param name="Message">The parsed message.</param>
public sealed record StoredSyslogMessage(DateTimeOffset Time, DateTimeOffset ReceivedAt, string Router, string Source, string Transport, SyslogMessage Message);
