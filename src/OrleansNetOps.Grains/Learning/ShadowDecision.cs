namespace OrleansNetOps.Grains.Learning;

/// <summary>
/// One recommendation seen in shadow mode (an <c>action</c> event of the live feed), and the engineer's answer to it.
/// </summary>
/// <param name="ActionId">The action's id.</param>
/// <param name="Action">Catalogue name.</param>
/// <param name="Router">Where it would act.</param>
/// <param name="Tier"><c>T1</c>, <c>T2</c> or <c>T3</c>.</param>
/// <param name="Confidence">The planner's confidence.</param>
/// <param name="Forwarded">False when the twin failed it: simulation failures are never forwarded for review.</param>
/// <param name="Policy">The policy that made it (<c>production</c>, or a candidate model version running A/B).</param>
/// <param name="SeenAt">When it first appeared.</param>
[GenerateSerializer, Immutable]
public sealed record ShadowDecision(string ActionId, string Action, string Router, string Tier, double Confidence, bool Forwarded, string Policy, DateTimeOffset SeenAt)
{
    /// <summary>The engineer's verdict; null until reviewed.</summary>
    [Id(8)]
    public ShadowVerdict? Verdict { get; init; }

    /// <summary>The engineer's comment.</summary>
    [Id(9)]
    public string? Comment { get; init; }

    /// <summary>Who reviewed it.</summary>
    [Id(10)]
    public string? ReviewedBy { get; init; }

    /// <summary>When it was reviewed.</summary>
    [Id(11)]
    public DateTimeOffset? ReviewedAt { get; init; }
}
