using System.Net;

namespace OrleansNetOps.Collectors.Bmp;

/// <summary>Where and how the BMP collector listens.</summary>
public sealed class BmpCollectorOptions
{
    /// <summary>Address and port to listen on (port 0 picks a free one).</summary>
    public IPEndPoint Endpoint { get; set; } = new(IPAddress.Loopback, 11019);

    /// <summary>Most messages handed to the sink in one batch.</summary>
    public int MaxBatch { get; set; } = 2048;
}
