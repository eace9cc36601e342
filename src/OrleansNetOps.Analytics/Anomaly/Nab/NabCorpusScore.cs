using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Anomaly.Nab;

/// <summary>
/// A detector's NAB score over a set of files, normalised as NAB's runner does: the raw scores are summed over the
/// files, then placed on a scale where the null detector scores 0 and the perfect detector 100.
/// </summary>
/// <param name="Score">100 × (raw − null) / (perfect − null).</param>
/// <param name="RawScore">Sum of the files' raw scores.</param>
/// <param name="NullScore">Sum of the null detector's raw scores.</param>
/// <param name="PerfectScore">Number of windows × A_TP.</param>
/// <param name="Files">The per-file scores.</param>
public sealed record NabCorpusScore(double Score, double RawScore, double NullScore, double PerfectScore, ImmutableArray<NabFileScore> Files)
{
    /// <summary>Windows over all files.</summary>
    public int Windows => Files.Sum(f => f.Windows);

    /// <summary>Windows detected over all files.</summary>
    public int WindowsDetected => Files.Sum(f => f.WindowsDetected);

    /// <summary>Detections outside windows over all files.</summary>
    public int FalsePositiveRows => Files.Sum(f => f.FalsePositiveRows);
}
