using Orleans;

namespace OrleansNetOps.Telemetry.Features;

/// <summary>Features of one router over a window: the input of anomaly detection and the twin's SLA prediction.</summary>
/// <param name="Router">Router id.</param>
/// <param name="From">Window start.</param>
/// <param name="To">Window end.</param>
/// <param name="Isps">Latency and loss per ISP probe.</param>
/// <param name="PeersTotal">BGP sessions known.</param>
/// <param name="PeersDown">Sessions not established.</param>
/// <param name="RibSize">Routes held now.</param>
/// <param name="PrefixChurnPerMinute">Net change of routes held per minute since the previous reading, or null without one.</param>
/// <param name="UpdatesPerSecond">BMP messages per second since the previous reading, or null without one.</param>
/// <param name="Interfaces">Per-interface rates and utilisation.</param>
/// <param name="CpuUtilisation">Mean of <c>/system/cpu/utilization</c> over the window, or null.</param>
[GenerateSerializer, Immutable]
public sealed record RouterFeatures(
    string Router,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<IspProbeFeatures> Isps,
    int PeersTotal,
    int PeersDown,
    long RibSize,
    double? PrefixChurnPerMinute,
    double? UpdatesPerSecond,
    IReadOnlyList<InterfaceFeatures> Interfaces,
    double? CpuUtilisation);
