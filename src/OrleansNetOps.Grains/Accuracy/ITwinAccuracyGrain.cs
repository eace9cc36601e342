using OrleansNetOps.Twin.Accuracy;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Grains.Accuracy;

/// <summary>
/// The twin's prediction-versus-outcome figure of a domain (key: the domain): after an action is executed, the twin's
/// predicted best paths are compared with what the routers report over BMP once they have converged.
/// </summary>
public interface ITwinAccuracyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records an executed action's prediction; the comparison happens once the routers' best paths for the predicted
    /// prefixes have settled (or at the deadline). Recording the same action again replaces the earlier comparison.
    /// </summary>
    /// <param name="actionId">The action.</param>
    /// <param name="predicted">The what-if's <c>changes</c> for the executed plan.</param>
    /// <param name="routers">Our routers whose BMP view is compared (ISPs in <paramref name="predicted"/> are skipped).</param>
    Task RecordAsync(string actionId, IReadOnlyList<BestPathChange> predicted, IReadOnlyList<string> routers);

    /// <summary>The totals and the <paramref name="recent"/> latest actions.</summary>
    Task<AccuracyLedger> GetAsync(int recent);

    /// <summary>One action's comparison; null until it is made (or when no longer retained).</summary>
    Task<ActionAccuracy?> GetActionAsync(string actionId);

    /// <summary>Actions recorded whose comparison has not been made yet.</summary>
    Task<IReadOnlyList<string>> GetPendingAsync();
}
