namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>How syslog messages are delimited on a TCP connection (RFC 6587).</summary>
public enum SyslogFraming
{
    /// <summary>Each message is preceded by its length in decimal and a space (RFC 6587 section 3.4.1).</summary>
    OctetCounting,
    /// <summary>Each message ends with a line feed (RFC 6587 section 3.4.2, non-transparent framing).</summary>
    NonTransparent,
}
