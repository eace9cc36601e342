using Orleans;

namespace OrleansNetOps.Twin.Accuracy;

/// <summary>
/// The running prediction-versus-outcome figure: totals over every action recorded, and the latest actions in full.
/// Recording an action again (a resumed workflow) replaces its earlier result while that one is still retained.
/// </summary>
/// <param name="Actions">Actions counted.</param>
/// <param name="PathsCompared">Paths compared over all of them.</param>
/// <param name="PathsEqual">Paths that agreed.</param>
/// <param name="Recent">The latest actions, newest last, at most the retention.</param>
[GenerateSerializer, Immutable]
public sealed record AccuracyLedger(long Actions, long PathsCompared, long PathsEqual, IReadOnlyList<ActionAccuracy> Recent)
{
    /// <summary>Actions kept in full by default.</summary>
    public const int DefaultRetention = 500;

    /// <summary>Nothing recorded.</summary>
    public static AccuracyLedger Empty { get; } = new(0, 0, 0, []);

    /// <summary>PathsEqual / PathsCompared; null when nothing was compared.</summary>
    public double? Ratio => PathsCompared == 0 ? null : (double)PathsEqual / PathsCompared;

    /// <summary>The ledger with <paramref name="result"/> counted.</summary>
    /// <param name="result">One action's comparison.</param>
    /// <param name="retention">How many actions to keep in full.</param>
    public AccuracyLedger Add(ActionAccuracy result, int retention = DefaultRetention)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfLessThan(retention, 1);
        var recent = Recent.ToList();
        var (actions, compared, equal) = (Actions, PathsCompared, PathsEqual);
        var earlier = recent.FindIndex(r => r.ActionId == result.ActionId);
        if (earlier >= 0)
        {
            var old = recent[earlier];
            (actions, compared, equal) = (actions - 1, compared - old.PathsCompared, equal - old.PathsEqual);
            recent.RemoveAt(earlier);
        }

        recent.Add(result);
        if (recent.Count > retention)
        {
            recent.RemoveRange(0, recent.Count - retention);
        }

        return new AccuracyLedger(actions + 1, compared + result.PathsCompared, equal + result.PathsEqual, recent);
    }

    /// <summary>One action's result, while retained.</summary>
    public ActionAccuracy? Find(string actionId) => Recent.LastOrDefault(r => r.ActionId == actionId);
}
