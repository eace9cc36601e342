namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>A filter over stored syslog messages; null members do not filter.</summary>
/// <param name="Router">Only this router.</param>
/// <param name="From">Not before.</param>
/// <param name="To">Not after.</param>
/// <param name="Severity">At least this severe (e.g. <c>Warning</c> includes error, critical, alert, emergency).</param>
/// <param name="Text">Case-insensitive substring of the message, app name or host name.</param>
/// <param name="Limit">Most messages returned, newest first.</param>
public sealed record SyslogQuery(string? Router, DateTimeOffset? From, DateTimeOffset? To, SyslogSeverity? Severity, string? Text, int Limit);
