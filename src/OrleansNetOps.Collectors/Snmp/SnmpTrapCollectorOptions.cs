using System.Net;

namespace OrleansNetOps.Collectors.Snmp;

/// <summary>Where the SNMP trap collector listens.</summary>
public sealed class SnmpTrapCollectorOptions
{
    /// <summary>Address and port (port 0 picks a free one).</summary>
    public IPEndPoint Endpoint { get; set; } = new(IPAddress.Loopback, 1162);
}
