namespace OrleansNetOps.Planning.Workflow;

/// <summary>
/// One transition of a workflow, persisted before its effect runs: where from, where to, why, and which side effect it
/// asks for. <see cref="EffectDone"/> turns true once the effect has run to the end; a checkpoint whose effect is not
/// done is what a resumed workflow runs again.
/// </summary>
/// <param name="Seq">Position in the history, from 1.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Event">What happened.</param>
/// <param name="Effect">The side effect to run.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who: the resolver's identity or a person.</param>
/// <param name="Reason">Why, for people and the audit.</param>
public sealed record WorkflowCheckpoint(long Seq, WorkflowState From, WorkflowState To, WorkflowEvent Event, WorkflowEffect Effect, DateTimeOffset At, string Actor, string Reason)
{
    /// <summary>Whether the effect has run to the end.</summary>
    public bool EffectDone { get; init; }

    /// <summary>When the effect finished.</summary>
    public DateTimeOffset? DoneAt { get; init; }
}
