namespace OrleansNetOps.Silo.Configuration;

/// <summary>The <c>listeners</c> section: telemetry ports (API.md, "Telemetry in").</summary>
public sealed record ListenersConfig
{
    /// <summary>Address the telemetry listeners bind to.</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>BMP over TCP (0: any free port).</summary>
    public int BmpPort { get; init; } = 11019;

    /// <summary>Syslog over UDP and TCP.</summary>
    public int SyslogPort { get; init; } = 5514;

    /// <summary>
    /// Absolute path of a Unix-domain datagram socket that also receives syslog, for routers on the same host
    /// (FRR: <c>log extended-syslog NAME</c> with <c>destination unix PATH</c>); null (the default) for none.
    /// </summary>
    public string? SyslogUnixPath { get; init; }

    /// <summary>NetFlow v5/v9 and IPFIX over UDP.</summary>
    public int FlowPort { get; init; } = 2055;

    /// <summary>SNMP traps over UDP.</summary>
    public int SnmpTrapPort { get; init; } = 1162;
}
