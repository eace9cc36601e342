namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>Which syslog message format a message was written in.</summary>
public enum SyslogFormat
{
    /// <summary>RFC 5424 (version 1, structured data).</summary>
    Rfc5424,
    /// <summary>RFC 3164, the BSD format (no year, no structured data).</summary>
    Rfc3164,
}
