namespace OrleansNetOps.Drivers.Runbooks;

/// <summary>
/// A known fault's remedy for an IT system (seed 001: roll a deployment back), run through the same driver interface as
/// router changes so that the workflow, guardrails, approval and audit treat it alike.
/// </summary>
/// <param name="Name">The runbook's name; a <c>RUNBOOK</c> action's target.</param>
/// <param name="Run">The remedy.</param>
public sealed record RunbookDefinition(string Name, RunbookStep Run)
{
    /// <summary>Succeeds when the remedy is already in place: the idempotent execute path then skips <see cref="Run"/>.</summary>
    public RunbookStep? Check { get; init; }

    /// <summary>The read-back: succeeds when the remedy took effect.</summary>
    public RunbookStep? Verify { get; init; }

    /// <summary>Captures the state before the remedy; its output is the snapshot, and <c>{{snapshot}}</c> in <see cref="Undo"/>.</summary>
    public RunbookStep? Snapshot { get; init; }

    /// <summary>Restores the state the snapshot captured.</summary>
    public RunbookStep? Undo { get; init; }
}
