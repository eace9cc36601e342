using OrleansNetOps.Topology;

namespace OrleansNetOps.Assistant.Learning;

/// <summary>
/// What the probes measured around one executed change, as the resolver's verification judged it: latency and loss
/// before and after, each the mean over the paths that had enough samples on both sides.
/// </summary>
/// <param name="Action">The catalogue action executed, e.g. <c>MED_ADJUST</c>.</param>
/// <param name="LatencyBeforeMs">Latency before the change.</param>
/// <param name="LatencyAfterMs">Latency after it settled.</param>
/// <param name="LossBeforePct">Loss before the change, in percent.</param>
/// <param name="LossAfterPct">Loss after it settled, in percent.</param>
public sealed record SlaOutcome(string Action, double LatencyBeforeMs, double LatencyAfterMs, double LossBeforePct, double LossAfterPct)
{
    /// <summary>
    /// The outcome as a reward on the twin's own scale (<see cref="EpisodeGenerator"/>): Δlatency and Δloss relative to
    /// the SLA targets, through the same weights. Probes measure neither cost nor headroom, so those terms count 0.
    /// </summary>
    public ActionFeedback Feedback(SlaTargets sla, RewardWeights weights)
    {
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(weights);
        var delta = new OutcomeDelta((LatencyAfterMs - LatencyBeforeMs) / sla.LatencyMs, (LossAfterPct - LossBeforePct) / sla.LossPct, 0, 0);
        return new ActionFeedback(Action, weights.Reward(delta));
    }
}
