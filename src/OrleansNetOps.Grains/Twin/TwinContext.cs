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

    /// <summary>
    /// The live state the what-if must reflect: a baseline gathered from the routers' BMP view before this time is
    /// rebuilt first (an incident passes the time its latest finding joined, so a session BMP just reported down carries
    /// no routes in the what-if). Null: a baseline up to the twin's usual age serves.
    /// </summary>
    [field: Id(2)]
    public DateTimeOffset? LiveAsOf { get; init; }
}
