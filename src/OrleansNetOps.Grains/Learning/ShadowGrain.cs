using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Grains.Actions;
using OrleansNetOps.Grains.Events;

namespace OrleansNetOps.Grains.Learning;

/// <summary>
/// Shadow mode of a domain: subscribed implicitly to the domain's live feed, it records each <c>action</c> event as a
/// decision awaiting review (the twin's failures are recorded but never forwarded), takes the engineers' verdicts and
/// notes each graduation and demotion as it happens.
/// </summary>
[ImplicitStreamSubscription(NetOpsStreams.EventsNamespace)]
public sealed class ShadowGrain(
    [PersistentState("shadow", "Default")] IPersistentState<ShadowState> state,
    TimeProvider time,
    ILogger<ShadowGrain> logger) : Grain, IShadowGrain, IStreamSubscriptionObserver, IAsyncObserver<NetOpsEvent>
{
    private readonly ShadowRules _rules = ShadowRules.Default;

    /// <inheritdoc />
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<NetOpsEvent>().ResumeAsync(this);
    }

    /// <inheritdoc />
    public async Task OnNextAsync(NetOpsEvent item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind != "action")
        {
            return;
        }

        var decision = ShadowLedger.Read(item.Json, item.At, out var error);
        if (decision is null)
        {
            state.State.Unreadable++;
            logger.LogWarning("Shadow mode skipped action event {Id}: {Error}", item.Id, error);
            await state.WriteStateAsync();
            return;
        }

        var index = state.State.Decisions.FindIndex(d => d.ActionId == decision.ActionId);
        if (index < 0)
        {
            state.State.Decisions.Add(decision);
        }
        else
        {
            // A later state of the same action: its facts may change, the first sighting and the verdict stay.
            var known = state.State.Decisions[index];
            state.State.Decisions[index] = decision with
            {
                SeenAt = known.SeenAt,
                Forwarded = known.Forwarded && decision.Forwarded,
                Verdict = known.Verdict,
                Comment = known.Comment,
                ReviewedBy = known.ReviewedBy,
                ReviewedAt = known.ReviewedAt,
            };
        }

        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex)
    {
        logger.LogWarning(ex, "Shadow mode's live-feed subscription failed");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<FeedbackOutcome> FeedbackAsync(string actionId, ShadowVerdict verdict, string? comment, string reviewer)
    {
        var index = state.State.Decisions.FindIndex(d => d.ActionId == actionId);
        if (index < 0)
        {
            return new FeedbackOutcome(false, $"action {actionId} has not been seen in shadow mode", null, null);
        }

        var decision = state.State.Decisions[index];
        if (!decision.Forwarded)
        {
            return new FeedbackOutcome(false, $"action {actionId} failed in the twin and was not forwarded for review", decision, null);
        }

        var wasReady = ShadowLedger.Ready(state.State.Decisions, _rules, out _, out _);
        var now = time.GetUtcNow();
        decision = decision with { Verdict = verdict, Comment = comment, ReviewedBy = reviewer, ReviewedAt = now };
        state.State.Decisions[index] = decision;
        var ready = ShadowLedger.Ready(state.State.Decisions, _rules, out _, out var agreement);
        if (ready != wasReady)
        {
            state.State.Graduations.Add(new GraduationChange(now, ready, agreement ?? 0));
            logger.LogInformation("Shadow mode {Change}: T1 agreement {Agreement} over the last {Window}",
                ready ? "graduated" : "demoted", ShadowLedger.Describe(agreement ?? 0), _rules.Window);
        }

        await state.WriteStateAsync();

        // The verdict also counts toward the action's autonomy scope, where a poor record demotes the scope.
        await GrainFactory.GetGrain<IActionGrain>(actionId).ReportOutcomeAsync(verdict switch
        {
            ShadowVerdict.Agree => OutcomeKind.Correct,
            ShadowVerdict.Partial => OutcomeKind.Partial,
            _ => OutcomeKind.Incorrect,
        }, "feedback");
        return new FeedbackOutcome(true, null, decision, ShadowLedger.Stats(state.State.Decisions, state.State.Graduations, _rules));
    }

    /// <inheritdoc />
    public Task<ShadowStats> GetStatsAsync() => Task.FromResult(ShadowLedger.Stats(state.State.Decisions, state.State.Graduations, _rules));

    /// <inheritdoc />
    public Task<IReadOnlyList<ShadowDecision>> GetDecisionsAsync() => Task.FromResult<IReadOnlyList<ShadowDecision>>([.. state.State.Decisions]);
}
