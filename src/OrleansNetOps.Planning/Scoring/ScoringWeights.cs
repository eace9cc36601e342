namespace OrleansNetOps.Planning.Scoring;

/// <summary>Weights of <see cref="PlanScorer"/>'s terms.</summary>
public sealed record ScoringWeights
{
    /// <summary>The defaults: a fix is worth 1; moving the whole network costs 0.5; doubling the transit bill costs 0.3.</summary>
    public static ScoringWeights Default { get; } = new();

    /// <summary>Per unit of blast radius.</summary>
    public double Blast { get; init; } = 0.5;

    /// <summary>Per unit of relative cost change.</summary>
    public double Cost { get; init; } = 0.3;

    /// <summary>For holding a recurring session failure down.</summary>
    public double Stability { get; init; } = 0.2;

    /// <summary>For a known plan.</summary>
    public double KnownPlan { get; init; } = 0.05;

    /// <summary>A partial relief counts this share of its relief (a fix counts 1).</summary>
    public double PartialRelief { get; init; } = 0.8;
}
