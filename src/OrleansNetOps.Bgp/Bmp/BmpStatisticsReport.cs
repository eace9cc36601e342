namespace OrleansNetOps.Bgp.Bmp;

/// <summary>Statistics Report.</summary>
/// <param name="Peer">Per-peer header.</param>
/// <param name="Statistics">Counters and gauges, in wire order.</param>
public sealed record BmpStatisticsReport(BmpPeerHeader Peer, EquatableArray<BmpStatistic> Statistics) : BmpMessage
{
    /// <inheritdoc />
    public override BmpMessageType Type => BmpMessageType.StatisticsReport;
}
