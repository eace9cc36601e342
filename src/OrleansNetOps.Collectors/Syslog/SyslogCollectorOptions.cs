using System.Net;

namespace OrleansNetOps.Collectors.Syslog;

/// <summary>Where and how the syslog collector listens.</summary>
public sealed class SyslogCollectorOptions
{
    /// <summary>Address and port for both UDP and TCP (port 0 picks a port free for both).</summary>
    public IPEndPoint Endpoint { get; set; } = new(IPAddress.Loopback, 5514);

    /// <summary>
    /// Path of an optional Unix-domain datagram socket for senders on the same host (e.g. FRR's
    /// <c>log extended-syslog</c> target with <c>destination unix PATH</c>); null for none.
    /// </summary>
    public string? UnixPath { get; set; }

    /// <summary>Largest message accepted on TCP.</summary>
    public int MaxMessageLength { get; set; } = 64 * 1024;
}
