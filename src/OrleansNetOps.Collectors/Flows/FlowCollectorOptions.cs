using System.Net;
using OrleansNetOps.Telemetry.Flows;

namespace OrleansNetOps.Collectors.Flows;

/// <summary>Where and how the flow collector listens.</summary>
public sealed class FlowCollectorOptions
{
    /// <summary>Address and port (port 0 picks a free one).</summary>
    public IPEndPoint Endpoint { get; set; } = new(IPAddress.Loopback, 2055);

    /// <summary>Template lifetime and the hold for data that arrives before its template.</summary>
    public FlowDecoderOptions Decoder { get; set; } = new();
}
