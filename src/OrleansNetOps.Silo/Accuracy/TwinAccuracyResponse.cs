using OrleansNetOps.Twin.Accuracy;

namespace OrleansNetOps.Silo.Accuracy;

/// <summary><c>GET /api/v1/twin/accuracy</c>: <c>{ actions, pathsCompared, pathsEqual, ratio, recent }</c>.</summary>
/// <param name="Actions">Executed actions compared.</param>
/// <param name="PathsCompared">Predicted best paths compared over all of them.</param>
/// <param name="PathsEqual">Those the routers then reported as predicted.</param>
/// <param name="Ratio">PathsEqual / PathsCompared; null before any comparison.</param>
/// <param name="Recent">The latest actions, newest first, each with its own figure and mismatches.</param>
internal sealed record TwinAccuracyResponse(long Actions, long PathsCompared, long PathsEqual, double? Ratio, IReadOnlyList<ActionAccuracy> Recent)
{
    public static TwinAccuracyResponse From(AccuracyLedger ledger) =>
        new(ledger.Actions, ledger.PathsCompared, ledger.PathsEqual, ledger.Ratio, [.. ledger.Recent.Reverse()]);
}
