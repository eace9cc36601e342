namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>Outcome of one <see cref="SyslogFramer.TryReadFrame"/> call.</summary>
public enum SyslogFrameStatus
{
    /// <summary>The buffer holds no complete frame; read more and call again.</summary>
    NeedMoreData,
    /// <summary>A frame was returned.</summary>
    Frame,
    /// <summary>Bytes that cannot be a frame were skipped; the error says what and where. Call again.</summary>
    Skipped,
}
