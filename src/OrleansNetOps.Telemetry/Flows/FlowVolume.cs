namespace OrleansNetOps.Telemetry.Flows;

/// <summary>Traffic totals for one key in one time window.</summary>
/// <param name="WindowStart">Start of the window (aligned to the window size).</param>
/// <param name="Kind">What the key is.</param>
/// <param name="Key">The key: a prefix (<c>192.0.2.0/24</c>), <c>exporter/ifIndex</c>, or an AS number.</param>
/// <param name="Bytes">Bytes (scaled by sampling when the aggregator is told to).</param>
/// <param name="Packets">Packets (scaled likewise).</param>
/// <param name="Flows">Flow records counted.</param>
public sealed record FlowVolume(DateTimeOffset WindowStart, FlowVolumeKind Kind, string Key, ulong Bytes, ulong Packets, long Flows);
