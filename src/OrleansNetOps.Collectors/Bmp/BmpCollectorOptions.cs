using System.Net;

namespace OrleansNetOps.Collectors.Bmp;

/// <summary>Settings of the BMP listener.</summary>
public sealed class BmpCollectorOptions
{
    /// <summary>Address and port to listen on.</summary>
    public IPEndPoint Endpoint { get; set; } = new(IPAddress.Loopback, 11019);

    /// <summary>Most messages handed over in one batch.</summary>
    public int MaxBatch { get; set; } = 2048;

    /// <summary>
    /// Messages held back while waiting for the first Peer Up to name the router (when the sysName matches no
    /// configured router); beyond this the sysName (else the address) names it.
    /// </summary>
    public int MaxMessagesBeforeIdentity { get; set; } = 4096;

    /// <summary>How often a standby session asks whether it may take over while the router sends nothing.</summary>
    public TimeSpan StandbyProbeInterval { get; set; } = TimeSpan.FromSeconds(1);
}
