using Orleans;

namespace OrleansNetOps.Twin.Accuracy;

/// <summary>How well the twin predicted one executed action: its predicted best paths against the routers' own afterwards.</summary>
/// <param name="ActionId">The action.</param>
/// <param name="At">When the live paths were read.</param>
/// <param name="PathsCompared">Predicted (router, prefix) best paths compared.</param>
/// <param name="PathsEqual">Those the routers reported as predicted.</param>
/// <param name="Mismatches">The others (at most the comparison's cap; the counts are complete).</param>
/// <param name="Converged">False when the live paths were still moving at the deadline: read as they stood.</param>
[GenerateSerializer, Immutable]
public sealed record ActionAccuracy(string ActionId, DateTimeOffset At, int PathsCompared, int PathsEqual, IReadOnlyList<PathMismatch> Mismatches, bool Converged = true)
{
    /// <summary>PathsEqual / PathsCompared; null when nothing was compared.</summary>
    public double? Ratio => PathsCompared == 0 ? null : (double)PathsEqual / PathsCompared;
}
