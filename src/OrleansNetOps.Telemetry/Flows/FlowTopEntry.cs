namespace OrleansNetOps.Telemetry.Flows;

/// <summary>One row of a top-talkers answer.</summary>
/// <param name="Key">Prefix, <c>exporter/ifIndex</c> or AS number.</param>
/// <param name="Bytes">Bytes (scaled by the exporter's sampling interval).</param>
/// <param name="Packets">Packets (scaled likewise).</param>
/// <param name="Flows">Flow records.</param>
public sealed record FlowTopEntry(string Key, ulong Bytes, ulong Packets, long Flows);
