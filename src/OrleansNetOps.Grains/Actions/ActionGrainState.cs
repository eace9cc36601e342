namespace OrleansNetOps.Grains.Actions;

/// <summary>What a resolver persists: its action record as JSON (<see cref="Coordination.DecisionJson"/>), empty before the proposal.</summary>
[GenerateSerializer]
public sealed class ActionGrainState
{
    /// <summary>The record.</summary>
    [Id(0)]
    public string Json { get; set; } = string.Empty;
}
