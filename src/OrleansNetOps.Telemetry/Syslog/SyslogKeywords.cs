namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>The keywords syslog tools use for facilities and severities (as in <c>logger -p local3.warning</c>).</summary>
public static class SyslogKeywords
{
    private static readonly string[] Facilities =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
        "ntp", "security", "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5",
        "local6", "local7",
    ];

    private static readonly string[] Severities = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    /// <summary>Keyword of a facility, e.g. <c>local3</c>.</summary>
    public static string Name(this SyslogFacility facility) =>
        (uint)facility < Facilities.Length ? Facilities[(int)facility] : ((int)facility).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Keyword of a severity, e.g. <c>warning</c>.</summary>
    public static string Name(this SyslogSeverity severity) =>
        (uint)severity < Severities.Length ? Severities[(int)severity] : ((int)severity).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Facility for its keyword.</summary>
    public static bool TryParseFacility(string keyword, out SyslogFacility facility)
    {
        var index = Array.IndexOf(Facilities, keyword);
        facility = (SyslogFacility)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Severity for a keyword, also accepting the long forms <c>error</c>, <c>panic</c>, <c>warn</c>.</summary>
    public static bool TryParseSeverity(string keyword, out SyslogSeverity severity)
    {
        var index = keyword switch
        {
            "panic" => 0,
            "error" => 3,
            "warn" => 4,
            _ => Array.IndexOf(Severities, keyword),
        };
        severity = (SyslogSeverity)Math.Max(index, 0);
        return index >= 0;
    }
}
