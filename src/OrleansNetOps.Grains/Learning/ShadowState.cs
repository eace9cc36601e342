namespace OrleansNetOps.Grains.Learning;

/// <summary>The shadow grain's persisted state.</summary>
[GenerateSerializer]
public sealed class ShadowState
{
    /// <summary>Every recommendation seen, in arrival order.</summary>
    [Id(0)]
    public List<ShadowDecision> Decisions { get; set; } = [];

    /// <summary>Graduations and demotions, in order.</summary>
    [Id(1)]
    public List<GraduationChange> Graduations { get; set; } = [];

    /// <summary>Action events that could not be read.</summary>
    [Id(2)]
    public int Unreadable { get; set; }
}
