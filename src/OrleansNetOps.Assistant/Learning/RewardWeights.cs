namespace OrleansNetOps.Assistant.Learning;

/// <summary>
/// SPEC §5's reward, R = −w1·Δlatency − w2·Δloss − w3·Δcost + w4·Δresilience, with each Δ made comparable first:
/// latency and loss relative to the SLA targets, cost relative to the cost before, resilience as the change in the
/// share of ISPs with headroom.
/// </summary>
/// <param name="Latency">w1.</param>
/// <param name="Loss">w2.</param>
/// <param name="Cost">w3.</param>
/// <param name="Resilience">w4.</param>
public sealed record RewardWeights(double Latency = 1.0, double Loss = 1.0, double Cost = 0.5, double Resilience = 1.0)
{
    /// <summary>The reward of an outcome.</summary>
    public double Reward(OutcomeDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        return (-Latency * delta.Latency) - (Loss * delta.Loss) - (Cost * delta.Cost) + (Resilience * delta.Resilience);
    }
}
