namespace OrleansNetOps.Grains.Coordination;

/// <summary>What a coordinator persists.</summary>
[GenerateSerializer]
public sealed class CoordinatorState
{
    /// <summary>The <c>AutonomyState</c> as JSON; empty before the first change.</summary>
    [Id(0)]
    public string AutonomyJson { get; set; } = string.Empty;

    /// <summary>The <c>RateLimitState</c> as JSON; empty before the first change.</summary>
    [Id(1)]
    public string RateLimitsJson { get; set; } = string.Empty;

    /// <summary>Leases held.</summary>
    [Id(2)]
    public List<Lease> Leases { get; set; } = [];

    /// <summary>Every action of the domain, oldest first.</summary>
    [Id(3)]
    public List<string> Actions { get; set; } = [];
}
