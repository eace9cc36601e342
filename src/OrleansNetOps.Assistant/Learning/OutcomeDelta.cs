namespace OrleansNetOps.Assistant.Learning;

/// <summary>How an action changed the service, each term normalised (see <see cref="RewardWeights"/>).</summary>
/// <param name="Latency">Δ traffic-weighted latency / SLA latency.</param>
/// <param name="Loss">Δ traffic-weighted loss / SLA loss.</param>
/// <param name="Cost">Δ cost per hour / cost per hour before.</param>
/// <param name="Resilience">Δ share of ISPs below 85 % utilisation.</param>
public sealed record OutcomeDelta(double Latency, double Loss, double Cost, double Resilience);
