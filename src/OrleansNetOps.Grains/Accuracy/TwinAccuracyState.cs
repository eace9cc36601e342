using OrleansNetOps.Twin.Accuracy;

namespace OrleansNetOps.Grains.Accuracy;

/// <summary>The persisted figure and the comparisons still waiting.</summary>
[GenerateSerializer]
public sealed class TwinAccuracyState
{
    /// <summary>Totals and the latest actions.</summary>
    [Id(0)]
    public AccuracyLedger Ledger { get; set; } = AccuracyLedger.Empty;

    /// <summary>Recorded, not compared yet.</summary>
    [Id(1)]
    public List<PendingComparison> Pending { get; set; } = [];
}
