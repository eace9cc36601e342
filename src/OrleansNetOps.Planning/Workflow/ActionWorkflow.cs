using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrleansNetOps.Planning.Workflow;

/// <summary>
/// A resolver's workflow as plain data a grain persists: its state and every checkpoint that led there. Change it only
/// through <see cref="ResolverWorkflow"/>, which refuses any transition SPEC §3 does not allow.
/// </summary>
public sealed record ActionWorkflow
{
    /// <summary>The action.</summary>
    public required string ActionId { get; init; }

    /// <summary>Where it stands.</summary>
    public WorkflowState State { get; init; } = WorkflowState.Initiated;

    /// <summary>Every transition, oldest first.</summary>
    public ImmutableArray<WorkflowCheckpoint> Checkpoints { get; init; } = [];

    /// <summary>The latest checkpoint, if any.</summary>
    [JsonIgnore]
    public WorkflowCheckpoint? Last => Checkpoints.IsDefaultOrEmpty ? null : Checkpoints[^1];

    /// <summary>The effect still to run (that of the latest checkpoint when not done), else <see cref="WorkflowEffect.None"/>.</summary>
    [JsonIgnore]
    public WorkflowEffect Pending => Last is { EffectDone: false } last ? last.Effect : WorkflowEffect.None;

    /// <summary>Whether nothing more will happen (a completed change may still be rolled back by an operator).</summary>
    [JsonIgnore]
    public bool IsFinished => ResolverWorkflow.IsTerminal(State) && Pending == WorkflowEffect.None;

    /// <summary>A new workflow in <see cref="WorkflowState.Initiated"/>.</summary>
    public static ActionWorkflow Create(string actionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        return new ActionWorkflow { ActionId = actionId };
    }
}
