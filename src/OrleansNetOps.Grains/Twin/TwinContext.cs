using OrleansNetOps.Twin.Sla;

namespace OrleansNetOps.Grains.Twin;

/// <summary>Measurements the edges hand to a what-if: traffic per prefix (from flows) and per-ISP latency and loss.</summary>
/// <param name="Traffic">Bytes per second per destination prefix.</param>
/// <param name="Measurements">Latest measured latency and loss per ISP.</param>
[GenerateSerializer, Immutable]
public sealed record TwinContext(IReadOnlyList<TrafficVolume> Traffic, IReadOnlyList<IspMeasurement> Measurements)
{
    /// <summary>No measurements: the topology's figures are used.</summary>
    public static TwinContext None { get; } = new([], []);
}
