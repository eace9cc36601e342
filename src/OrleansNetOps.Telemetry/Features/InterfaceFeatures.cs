using Orleans;

namespace OrleansNetOps.Telemetry.Features;

/// <summary>Traffic on one interface over the feature window, derived from its octet counters.</summary>
/// <param name="Name">Interface name from the path key.</param>
/// <param name="InBitsPerSecond">Mean inbound rate, or null with fewer than two counter samples.</param>
/// <param name="OutBitsPerSecond">Mean outbound rate, or null.</param>
/// <param name="SpeedBitsPerSecond">Interface speed from <c>state/high-speed</c> (Mb/s on the wire), or null when not reported.</param>
/// <param name="Utilisation">The larger of in and out rate over speed (0..1), or null without a speed.</param>
[GenerateSerializer, Immutable]
public sealed record InterfaceFeatures(string Name, double? InBitsPerSecond, double? OutBitsPerSecond, double? SpeedBitsPerSecond, double? Utilisation);
