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

    /// <summary>The accepted guardrails text; empty before the first accepted change.</summary>
    [Id(4)]
    public string PolicyYaml { get; set; } = string.Empty;

    /// <summary>Accepted guardrails changes so far.</summary>
    [Id(5)]
    public long PolicyVersion { get; set; }

    /// <summary>The fingerprint of <see cref="PolicyYaml"/>.</summary>
    [Id(6)]
    public string PolicyFingerprint { get; set; } = string.Empty;

    /// <summary>Fingerprints of texts silos offered from their guardrails file, newest last (bounded).</summary>
    [Id(7)]
    public List<string> FileTexts { get; set; } = [];

    /// <summary>Outcomes already counted, as <c>actionId|source</c>, newest last (bounded): each counts once.</summary>
    [Id(8)]
    public List<string> Judged { get; set; } = [];
}
