using System.Collections.Frozen;

namespace OrleansNetOps.Planning.Workflow;

/// <summary>
/// SPEC §3's workflow as a pure state machine: <c>INITIATED → ANALYZING → PLANNING → (AWAITING_APPROVAL) → EXECUTING →
/// VALIDATING → COMPLETED</c>, or <c>ROLLED_BACK</c>, <c>FAILED</c>, <c>REJECTED</c>, <c>BLOCKED</c>. Each event makes a
/// checkpoint naming the side effect to run; the caller persists the workflow, then runs the effect, then persists
/// <see cref="CompleteEffect"/>. A new event is refused while the previous effect is still pending, so an effect is
/// never skipped, and a resumed workflow runs exactly the effect it had not finished.
/// </summary>
public static class ResolverWorkflow
{
    private static readonly FrozenDictionary<(WorkflowState, WorkflowEvent), (WorkflowState To, WorkflowEffect Effect)> s_table =
        new Dictionary<(WorkflowState, WorkflowEvent), (WorkflowState, WorkflowEffect)>
        {
            [(WorkflowState.Initiated, WorkflowEvent.Start)] = (WorkflowState.Analyzing, WorkflowEffect.Analyze),
            [(WorkflowState.Analyzing, WorkflowEvent.Analyzed)] = (WorkflowState.Planning, WorkflowEffect.Plan),
            [(WorkflowState.Analyzing, WorkflowEvent.Failed)] = (WorkflowState.Failed, WorkflowEffect.Finish),
            [(WorkflowState.Planning, WorkflowEvent.Planned)] = (WorkflowState.Executing, WorkflowEffect.Execute),
            [(WorkflowState.Planning, WorkflowEvent.NeedsApproval)] = (WorkflowState.AwaitingApproval, WorkflowEffect.AwaitApproval),
            [(WorkflowState.Planning, WorkflowEvent.Blocked)] = (WorkflowState.Blocked, WorkflowEffect.Finish),
            [(WorkflowState.Planning, WorkflowEvent.Failed)] = (WorkflowState.Failed, WorkflowEffect.Finish),
            [(WorkflowState.AwaitingApproval, WorkflowEvent.Approved)] = (WorkflowState.Executing, WorkflowEffect.Execute),
            [(WorkflowState.AwaitingApproval, WorkflowEvent.Modified)] = (WorkflowState.AwaitingApproval, WorkflowEffect.AwaitApproval),
            [(WorkflowState.AwaitingApproval, WorkflowEvent.Rejected)] = (WorkflowState.Rejected, WorkflowEffect.Finish),
            [(WorkflowState.AwaitingApproval, WorkflowEvent.Expired)] = (WorkflowState.Rejected, WorkflowEffect.Finish),
            [(WorkflowState.AwaitingApproval, WorkflowEvent.Blocked)] = (WorkflowState.Blocked, WorkflowEffect.Finish),
            [(WorkflowState.AwaitingApproval, WorkflowEvent.Failed)] = (WorkflowState.Failed, WorkflowEffect.Finish),
            [(WorkflowState.Executing, WorkflowEvent.Applied)] = (WorkflowState.Validating, WorkflowEffect.Verify),
            [(WorkflowState.Executing, WorkflowEvent.ApplyFailed)] = (WorkflowState.RolledBack, WorkflowEffect.RollBack),
            [(WorkflowState.Executing, WorkflowEvent.Failed)] = (WorkflowState.Failed, WorkflowEffect.Finish),
            [(WorkflowState.Validating, WorkflowEvent.Verified)] = (WorkflowState.Completed, WorkflowEffect.Finish),
            [(WorkflowState.Validating, WorkflowEvent.VerificationFailed)] = (WorkflowState.RolledBack, WorkflowEffect.RollBack),
            [(WorkflowState.Validating, WorkflowEvent.RollbackRequested)] = (WorkflowState.RolledBack, WorkflowEffect.RollBack),
            [(WorkflowState.Completed, WorkflowEvent.RollbackRequested)] = (WorkflowState.RolledBack, WorkflowEffect.RollBack),
            [(WorkflowState.RolledBack, WorkflowEvent.RolledBack)] = (WorkflowState.RolledBack, WorkflowEffect.Finish),
            [(WorkflowState.RolledBack, WorkflowEvent.Failed)] = (WorkflowState.Failed, WorkflowEffect.Finish),
        }.ToFrozenDictionary();

    /// <summary>Whether a state ends the workflow (<c>COMPLETED</c> still takes an operator's rollback).</summary>
    public static bool IsTerminal(WorkflowState state) =>
        state is WorkflowState.Completed or WorkflowState.RolledBack or WorkflowState.Failed or WorkflowState.Rejected or WorkflowState.Blocked;

    /// <summary>Whether <paramref name="event"/> is allowed in <paramref name="state"/>.</summary>
    public static bool Allows(WorkflowState state, WorkflowEvent @event) => s_table.ContainsKey((state, @event));

    /// <summary>Where <paramref name="event"/> leads from <paramref name="state"/>, if anywhere.</summary>
    public static (WorkflowState To, WorkflowEffect Effect)? Target(WorkflowState state, WorkflowEvent @event) =>
        s_table.TryGetValue((state, @event), out var target) ? target : null;

    /// <summary>Applies an event: the next workflow, with a checkpoint whose effect is pending.</summary>
    /// <exception cref="InvalidOperationException">The event is not allowed in the current state, or the previous effect has not finished.</exception>
    public static ActionWorkflow Apply(ActionWorkflow workflow, WorkflowEvent @event, string actor, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (Target(workflow.State, @event) is not { } target)
        {
            throw new InvalidOperationException($"action {workflow.ActionId}: '{Name(@event)}' is not allowed in {Name(workflow.State)}");
        }

        // Finish is bookkeeping that may be repeated; any other unfinished effect must run before the next transition.
        if (workflow.Pending is not (WorkflowEffect.None or WorkflowEffect.Finish) && !ReplacesPending(workflow, @event))
        {
            throw new InvalidOperationException(
                $"action {workflow.ActionId}: the effect '{Name(workflow.Pending)}' of checkpoint {workflow.Last!.Seq} has not finished; '{Name(@event)}' must wait");
        }

        var checkpoint = new WorkflowCheckpoint(workflow.Checkpoints.Length + 1, workflow.State, target.To, @event, target.Effect, at, actor.Trim(), reason ?? string.Empty);
        return workflow with { State = target.To, Checkpoints = workflow.Checkpoints.Add(checkpoint) };
    }

    /// <summary>Marks the latest checkpoint's effect done; the caller persists the result.</summary>
    /// <exception cref="InvalidOperationException">There is no pending effect.</exception>
    public static ActionWorkflow CompleteEffect(ActionWorkflow workflow, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (workflow.Last is not { EffectDone: false } last)
        {
            throw new InvalidOperationException($"action {workflow.ActionId}: no effect is pending");
        }

        return workflow with { Checkpoints = workflow.Checkpoints.SetItem(workflow.Checkpoints.Length - 1, last with { EffectDone = true, DoneAt = at }) };
    }

    /// <summary>The API's name of a state.</summary>
    public static string Name(WorkflowState state) => Wire(state);

    /// <summary>The wire name of an event.</summary>
    public static string Name(WorkflowEvent @event) => Wire(@event);

    /// <summary>The wire name of an effect.</summary>
    public static string Name(WorkflowEffect effect) => Wire(effect);

    // The approval window is the one effect that waits on people: an answer (or a timeout) ends it. Its effect is done
    // once the request is open, so this only matters when the answer arrives before that bookkeeping was persisted.
    private static bool ReplacesPending(ActionWorkflow workflow, WorkflowEvent @event) =>
        workflow.Pending == WorkflowEffect.AwaitApproval
        && @event is WorkflowEvent.Approved or WorkflowEvent.Rejected or WorkflowEvent.Expired or WorkflowEvent.Blocked or WorkflowEvent.Modified;

    private static string Wire<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonSerializer.SerializeToElement(value).GetString()!;
}
