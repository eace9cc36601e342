using OrleansNetOps.Planning.Workflow;

namespace OrleansNetOps.Planning.Tests;

public sealed class WorkflowTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_happy_path_visits_every_state_of_SPEC_3_in_order()
    {
        var w = ActionWorkflow.Create("act-1");
        var visited = new List<WorkflowState> { w.State };
        foreach (var e in new[] { WorkflowEvent.Start, WorkflowEvent.Analyzed, WorkflowEvent.NeedsApproval, WorkflowEvent.Approved, WorkflowEvent.Applied, WorkflowEvent.Verified })
        {
            w = ResolverWorkflow.CompleteEffect(ResolverWorkflow.Apply(w, e, "resolver/act-1", e.ToString(), s_t0), s_t0);
            visited.Add(w.State);
        }

        Assert.Equal(
            [WorkflowState.Initiated, WorkflowState.Analyzing, WorkflowState.Planning, WorkflowState.AwaitingApproval, WorkflowState.Executing, WorkflowState.Validating, WorkflowState.Completed],
            visited);
        Assert.Equal(6, w.Checkpoints.Length);
        Assert.True(w.IsFinished);
    }

    [Fact]
    public void A_pending_execute_must_finish_before_the_next_event_so_a_resumed_workflow_runs_exactly_it()
    {
        var w = ActionWorkflow.Create("act-2");
        foreach (var e in new[] { WorkflowEvent.Start, WorkflowEvent.Analyzed })
        {
            w = ResolverWorkflow.CompleteEffect(ResolverWorkflow.Apply(w, e, "r", string.Empty, s_t0), s_t0);
        }

        w = ResolverWorkflow.Apply(w, WorkflowEvent.Planned, "r", string.Empty, s_t0);
        Assert.Equal(WorkflowEffect.Execute, w.Pending);
        var error = Assert.Throws<InvalidOperationException>(() => ResolverWorkflow.Apply(w, WorkflowEvent.Applied, "r", string.Empty, s_t0));
        Assert.Contains("'execute'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_a_state_does_not_allow_are_refused_with_the_state_named()
    {
        var w = ActionWorkflow.Create("act-3");
        var error = Assert.Throws<InvalidOperationException>(() => ResolverWorkflow.Apply(w, WorkflowEvent.Approved, "alice", string.Empty, s_t0));
        Assert.Contains("INITIATED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_may_arrive_before_the_approval_bookkeeping_was_marked_done()
    {
        var w = ActionWorkflow.Create("act-4");
        foreach (var e in new[] { WorkflowEvent.Start, WorkflowEvent.Analyzed })
        {
            w = ResolverWorkflow.CompleteEffect(ResolverWorkflow.Apply(w, e, "r", string.Empty, s_t0), s_t0);
        }

        w = ResolverWorkflow.Apply(w, WorkflowEvent.NeedsApproval, "r", string.Empty, s_t0);
        w = ResolverWorkflow.Apply(w, WorkflowEvent.Rejected, "bob", "no", s_t0);
        Assert.Equal(WorkflowState.Rejected, w.State);
        Assert.Equal(WorkflowEffect.Finish, w.Pending);
    }
}
