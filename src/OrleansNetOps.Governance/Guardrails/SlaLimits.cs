namespace OrleansNetOps.Governance.Guardrails;

/// <summary>The <c>sla</c> section: what the twin calls a breach, and the predicted loss that fails a what-if.</summary>
public sealed record SlaLimits
{
    /// <summary>Latency above which an ISP breaches the SLA.</summary>
    public double LatencyMs { get; init; } = 50;

    /// <summary>Loss (percent) above which an ISP breaches the SLA.</summary>
    public double LossPct { get; init; } = 1;

    /// <summary>Predicted loss (percent) above which the what-if fails.</summary>
    public double FailLossPct { get; init; } = 5;
}
