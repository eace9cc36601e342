using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers;
using OrleansNetOps.Drivers.PerRouter;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Priority;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Grains.Accuracy;
using OrleansNetOps.Grains.Audit;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Grains.Twin;
using OrleansNetOps.Planning.Candidates;
using OrleansNetOps.Planning.Plans;
using OrleansNetOps.Planning.Workflow;
using OrleansNetOps.Telemetry.TimeSeries;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Grains.Actions;

/// <summary>
/// The resolver of one action. Its loop: persist the checkpoint, run the pending effect, persist its completion with
/// the next checkpoint. A step that must wait (a lease, the kill switch, a rate limit) polls every
/// <see cref="s_poll"/>; the <c>resume</c> reminder re-activates a workflow whose silo died, and it continues with
/// exactly the effect it had not finished. The execute effect is idempotent: the driver reads the device first and
/// sends only what is missing, and the gate lets an action that already holds its rate-limit slot through again.
/// </summary>
public sealed class ActionGrain(
    [PersistentState("action")] IPersistentState<ActionGrainState> state,
    IAuditTrail audit, GuardrailsSource guardrails, NetworkTopology topology, IDeviceDriver driver, ITimeSeriesStore probes, TwinContextSource measured, TimeProvider time, ILogger<ActionGrain> logger)
    : Grain, IActionGrain, IRemindable
{
    private const string ResumeReminder = "resume";
    private const string ApprovalReminder = "approval-ttl";
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan s_leaseTtl = TimeSpan.FromMinutes(10);

    // A device that cannot be reached is tried this many times in all, 1 s, 2 s, 4 s apart, before the step gives up.
    private const int DeviceAttempts = 4;
    private static readonly TimeSpan s_firstDeviceRetry = TimeSpan.FromSeconds(1);
    private ActionRecord? _record;
    private IGrainTimer? _poller;
    private bool _running;

    private string Actor => "resolver/" + this.GetPrimaryKeyString();

    private ICoordinatorGrain Coordinator => GrainFactory.GetGrain<ICoordinatorGrain>(_record!.Domain);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = state.State.Json.Length == 0 ? null : DecisionJson.Read<ActionRecord>(state.State.Json);
        if (_record is { Workflow.Pending: not WorkflowEffect.None })
        {
            // A workflow whose silo died mid-effect: finish that effect first.
            logger.LogInformation("Action {Action}: resuming {State} at its pending {Effect} step", _record.Id, ResolverWorkflow.Name(_record.Workflow.State), ResolverWorkflow.Name(_record.Workflow.Pending));
            Poll();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ActionReply> ProposeAsync(ActionProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (_record is not null)
        {
            return ActionReply.Ok(View());
        }

        var parameters = ParseParameters(proposal.ParamsJson, out var errors);
        var fields = ParseFields(proposal.FieldsJson, ref errors);
        Governance.Tiers.Tier? declared = null;
        if (proposal.DeclaredTier is { } tierText)
        {
            declared = Enum.TryParse<Governance.Tiers.Tier>(tierText, ignoreCase: false, out var tier) && Enum.IsDefined(tier)
                ? tier
                : null;
            errors ??= declared is null ? $"declaredTier: '{tierText}' is not T1, T2 or T3" : null;
        }

        if (errors is not null)
        {
            return new ActionReply(400, errors, null);
        }

        var now = time.GetUtcNow();
        var id = this.GetPrimaryKeyString();
        _record = new ActionRecord
        {
            Id = id,
            IncidentId = proposal.IncidentId,
            Severity = proposal.Severity,
            ServiceImpact = proposal.ServiceImpact,
            Router = proposal.Router,
            Action = proposal.Action,
            Parameters = parameters,
            Fields = fields,
            DeclaredTier = declared,
            Reason = proposal.Reason,
            Requester = proposal.Requester,
            Domain = proposal.Domain,
            Confidence = Math.Clamp(proposal.Confidence, 0, 1),
            IdempotencyKey = proposal.IdempotencyKey,
            CreatedAt = now,
            UpdatedAt = now,
            Workflow = ActionWorkflow.Create(id),
        };
        await SaveAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await Coordinator.RegisterAsync(id);
        await AuditAsync(AuditRecords.Step("proposal", id, proposal.Requester, "PROPOSED", new JsonObject
        {
            ["router"] = proposal.Router,
            ["action"] = proposal.Action,
            ["params"] = JsonNode.Parse(DecisionJson.Write(parameters)),
            ["fields"] = fields.IsEmpty ? null : new JsonObject([.. fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]),
            ["reason"] = proposal.Reason,
            ["idempotencyKey"] = proposal.IdempotencyKey,
            ["incidentId"] = proposal.IncidentId,
        }));
        // The proposer gets its answer with the decision; the device step (seconds on a real router) runs after it.
        await RunAsync(untilDevice: true);
        return ActionReply.Ok(View());
    }

    /// <inheritdoc />
    public Task<string?> GetAsync() => Task.FromResult(_record is null ? null : View());

    /// <inheritdoc />
    public Task<ActionReply> ApproveAsync(string by, string? comment) =>
        AnswerAsync(by, r => r.Approve(by, time.GetUtcNow(), comment));

    /// <inheritdoc />
    public Task<ActionReply> RejectAsync(string by, string? comment) =>
        AnswerAsync(by, r => r.Reject(by, time.GetUtcNow(), comment));

    /// <inheritdoc />
    public async Task<ActionReply> ModifyAsync(string by, string paramsJson, string? comment)
    {
        if (Refuse(WorkflowState.AwaitingApproval) is { } refusal)
        {
            return refusal;
        }

        var parameters = ParseParameters(paramsJson, out var errors);
        if (errors is not null)
        {
            return new ActionReply(400, errors, null);
        }

        var revised = _record! with { Parameters = parameters };
        var (decision, twin, whatIf) = await DecideAsync(revised);
        var transition = _record.Approval!.Modify(by, time.GetUtcNow(), decision, Fingerprint(parameters), comment);
        if (!transition.Changed)
        {
            return new ActionReply(409, transition.Message, View());
        }

        await AuditAsync(AuditRecords.Approval(_record.Approval, transition));
        await AuditAsync(AuditRecords.Decision(Proposal(revised, twin), decision, Actor));
        _record = revised with { Decision = decision, Twin = twin, WhatIfJson = whatIf, Approval = transition.Request };
        var next = decision.Verdict == DecisionVerdict.Blocked ? WorkflowEvent.Blocked
            : transition.Request.IsGranted ? WorkflowEvent.Approved : WorkflowEvent.Modified;
        await TransitionAsync(next, by, transition.Message);
        await RunAsync();
        return ActionReply.Ok(View());
    }

    /// <inheritdoc />
    public async Task<ActionReply> RollbackAsync(string by)
    {
        if (_record is null)
        {
            return new ActionReply(404, "no such action", null);
        }

        if (!ResolverWorkflow.Allows(_record.Workflow.State, WorkflowEvent.RollbackRequested) || _record.Workflow.Pending != WorkflowEffect.None
            && _record.Workflow.Pending != WorkflowEffect.Finish && _record.Workflow.Pending != WorkflowEffect.Verify)
        {
            return new ActionReply(409, $"an action in {ResolverWorkflow.Name(_record.Workflow.State)} cannot be rolled back", View());
        }

        if (_record.Workflow.Pending != WorkflowEffect.None)
        {
            _record = _record with { Workflow = ResolverWorkflow.CompleteEffect(_record.Workflow, time.GetUtcNow()) };
        }

        await TransitionAsync(WorkflowEvent.RollbackRequested, by, "rollback requested by " + by);
        await RunAsync();
        return ActionReply.Ok(View());
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_record is null || _record.Workflow.IsFinished)
        {
            await ForgetRemindersAsync();
            return;
        }

        if (reminderName == ApprovalReminder)
        {
            await ApprovalWindowClosedAsync();
        }

        await RunAsync();
    }

    private async Task<ActionReply> AnswerAsync(string by, Func<ApprovalRequest, ApprovalTransition> answer)
    {
        if (Refuse(WorkflowState.AwaitingApproval) is { } refusal)
        {
            return refusal;
        }

        var before = _record!.Approval!;
        var transition = answer(before);
        if (!transition.Changed)
        {
            return new ActionReply(409, transition.Message, View());
        }

        await AuditAsync(AuditRecords.Approval(before, transition));
        _record = _record with { Approval = transition.Request };
        var request = transition.Request;
        if (request.IsGranted)
        {
            await TransitionAsync(WorkflowEvent.Approved, by, transition.Message);
        }
        else if (request.Status == ApprovalStatus.Rejected)
        {
            await TransitionAsync(WorkflowEvent.Rejected, by, transition.Message);
        }
        else
        {
            await SaveAsync();
        }

        await RunAsync();
        return ActionReply.Ok(View());
    }

    private ActionReply? Refuse(WorkflowState expected)
    {
        if (_record is null)
        {
            return new ActionReply(404, "no such action", null);
        }

        return _record.Workflow.State != expected || _record.Approval is null
            ? new ActionReply(409, $"the action is {ResolverWorkflow.Name(_record.Workflow.State)}, not {ResolverWorkflow.Name(expected)}", View())
            : null;
    }

    private async Task ApprovalWindowClosedAsync()
    {
        if (_record is not { Workflow.State: WorkflowState.AwaitingApproval, Approval: { IsPending: true } request, Decision: { } decision })
        {
            await ForgetReminderAsync(ApprovalReminder);
            return;
        }

        var governance = await Coordinator.GovernanceAsync();
        var autonomy = DecisionJson.Read<AutonomyState>(governance.AutonomyJson);
        var transition = request.Timeout(time.GetUtcNow(), autonomy.AutoApprovalFor(decision.Scope, decision.Tier, guardrails.Resolve(governance.Policy).Autonomy));
        if (!transition.Changed)
        {
            return;
        }

        await AuditAsync(AuditRecords.Approval(request, transition));
        _record = _record with { Approval = transition.Request };
        if (transition.Request.IsGranted)
        {
            await TransitionAsync(WorkflowEvent.Approved, transition.Actor, transition.Message);
        }
        else if (!transition.Request.IsPending)
        {
            await TransitionAsync(WorkflowEvent.Expired, transition.Actor, transition.Message);
        }
        else
        {
            await SaveAsync();
            await ScheduleApprovalWindowAsync(transition.Request);
            return;
        }

        await ForgetReminderAsync(ApprovalReminder);
    }

    /// <inheritdoc />
    public async Task<bool> ReportOutcomeAsync(OutcomeKind outcome, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (_record?.Decision is not { } decision)
        {
            return false;
        }

        var scope = decision.Scope;
        await Coordinator.RecordOutcomeAsync(new OutcomeReport(_record.Id, scope.Domain, scope.DeviceClass, scope.Category, outcome, source));
        return true;
    }

    // Runs effects until the workflow must wait for time, people or another action; never two loops at once. With
    // untilDevice it stops before the execute step and leaves that to the grain's timer, which fires once this turn ends.
    private async Task RunAsync(bool untilDevice = false)
    {
        if (_running || _record is null)
        {
            return;
        }

        _running = true;
        try
        {
            for (var steps = 0; steps < 32; steps++)
            {
                var workflow = _record.Workflow;
                if (workflow.Pending == WorkflowEffect.None)
                {
                    if (workflow.State == WorkflowState.Initiated)
                    {
                        await TransitionAsync(WorkflowEvent.Start, Actor, "taken up");
                        continue;
                    }

                    StopPolling();
                    return;
                }

                if (untilDevice && workflow.Pending == WorkflowEffect.Execute)
                {
                    Poll(TimeSpan.Zero);
                    return;
                }

                if (!await RunEffectAsync(workflow.Pending))
                {
                    Poll();
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Action {Action}: the {Effect} step failed", _record.Id, _record.Workflow.Pending);
            Poll();
        }
        finally
        {
            _running = false;
        }
    }

    // True when the effect finished (and the next checkpoint is persisted); false to wait and try again.
    private async Task<bool> RunEffectAsync(WorkflowEffect effect)
    {
        var record = _record!;
        switch (effect)
        {
            case WorkflowEffect.Analyze:
                var problem = IsRunbook(record)
                    ? await RunbookProblemAsync(record)
                    : !TwinActionNames.TryParse(record.Action, out _) ? $"'{record.Action}' is not a catalogue action"
                    : record.Action != "NO_ACTION" && topology.Router(record.Router) is null ? $"router '{record.Router}' is not in the topology"
                    : null;
                await CompleteAndAsync(problem is null ? WorkflowEvent.Analyzed : WorkflowEvent.Failed, problem ?? $"{record.Action} on {record.Router}");
                return true;

            case WorkflowEffect.Plan:
                var (decision, twin, whatIf) = await DecideAsync(record);
                _record = record with { Decision = decision, Twin = twin, WhatIfJson = whatIf };
                await AuditAsync(AuditRecords.Decision(Proposal(record, twin), decision, Actor));
                var planned = decision.Verdict switch
                {
                    DecisionVerdict.Blocked => WorkflowEvent.Blocked,
                    DecisionVerdict.AwaitApproval => WorkflowEvent.NeedsApproval,
                    _ => WorkflowEvent.Planned,
                };
                await CompleteAndAsync(planned, string.Join("; ", decision.Reasons));
                return true;

            case WorkflowEffect.AwaitApproval:
                var request = record.Approval is { IsPending: true } open && open.ParametersFingerprint == Fingerprint(record.Parameters)
                    ? open
                    : ApprovalRequest.Open(record.Decision!, record.Requester, Fingerprint(record.Parameters), time.GetUtcNow());
                if (!ReferenceEquals(request, record.Approval))
                {
                    _record = record with { Approval = request };
                    await AuditAsync(AuditRecords.Opened(request));
                }

                await ScheduleApprovalWindowAsync(request);
                _record = _record! with { Workflow = ResolverWorkflow.CompleteEffect(_record!.Workflow, time.GetUtcNow()) };
                await SaveAsync();
                return true;

            case WorkflowEffect.Execute:
                return await ExecuteAsync(record);

            case WorkflowEffect.Verify:
                return await VerifyAsync(record);

            case WorkflowEffect.RollBack:
                if (record.Snapshot is { } snapshot)
                {
                    if (DeviceRetryPending(record))
                    {
                        return false;
                    }

                    RollbackResult rollback;
                    try
                    {
                        rollback = await driver.RollbackAsync(snapshot);
                    }
                    catch (Exception failure) when (IsDeviceFailure(failure))
                    {
                        if (await RetryDeviceLaterAsync(record, "the rollback", failure))
                        {
                            return false;
                        }

                        await AuditAsync(AuditRecords.Step("rollback", record.Id, Actor, "ROLLBACK_FAILED", DeviceFailure(record, snapshot, failure)));
                        await CompleteAndAsync(WorkflowEvent.Failed, $"the rollback failed after {DeviceAttempts} attempts: {failure.Message}; the device may still carry the change");
                        return true;
                    }

                    await AuditAsync(AuditRecords.Step("rollback", record.Id, Actor, rollback.Restored ? "ROLLED_BACK" : "ROLLBACK_FAILED", new JsonObject
                    {
                        ["driver"] = (driver is PerRouterDriver routed ? routed.For(snapshot) : driver).Name,
                        ["snapshot"] = snapshot.Id,
                        ["stateAfter"] = rollback.StateId,
                        ["differences"] = new JsonArray([.. rollback.Differences.Select(d => (JsonNode)d!)]),
                    }));
                    await CompleteAndAsync(rollback.Restored ? WorkflowEvent.RolledBack : WorkflowEvent.Failed, rollback.Output);
                }
                else
                {
                    await CompleteAndAsync(WorkflowEvent.RolledBack, "nothing was applied");
                }

                return true;

            case WorkflowEffect.Finish:
                await Coordinator.ReleaseAsync(record.Id);
                _record = record with { Workflow = ResolverWorkflow.CompleteEffect(record.Workflow, time.GetUtcNow()), Waiting = null };
                await SaveAsync();
                if (_record.Workflow.State != WorkflowState.Completed)
                {
                    await ForgetRemindersAsync();
                }
                else
                {
                    await ForgetReminderAsync(ResumeReminder);
                }

                return true;

            default:
                _record = record with { Workflow = ResolverWorkflow.CompleteEffect(record.Workflow, time.GetUtcNow()) };
                await SaveAsync();
                return true;
        }
    }

    private async Task<bool> ExecuteAsync(ActionRecord record)
    {
        if (record.Action != "NO_ACTION")
        {
            var lease = await Coordinator.AcquireAsync(record.Id, [LeaseObject(record)], s_leaseTtl, DecisionJson.Write(Claim(record)));
            if (!lease.Granted)
            {
                await WaitAsync("waiting for a lease: " + lease.Reason);
                return false;
            }
        }

        var gate = await Coordinator.GateAsync(DecisionJson.Write(record.Decision!), record.Approval is null ? null : DecisionJson.Write(record.Approval), DecisionJson.Write(Claim(record)));
        if (gate.Outcome == nameof(GateOutcome.Wait))
        {
            await WaitAsync(gate.Reason);
            return false;
        }

        if (gate.Outcome == nameof(GateOutcome.Refuse))
        {
            await CompleteAndAsync(WorkflowEvent.Failed, "the execution gate refused: " + gate.Reason);
            return true;
        }

        if (DeviceRetryPending(record))
        {
            return false;
        }

        var device = Device(record);
        if (record.Snapshot is null)
        {
            DeviceSnapshot snapshot;
            try
            {
                snapshot = await driver.SnapshotAsync(device);
            }
            catch (Exception failure) when (IsDeviceFailure(failure))
            {
                if (await RetryDeviceLaterAsync(record, "the snapshot", failure))
                {
                    return false;
                }

                // Nothing was sent before the snapshot: the device is as it was, and there is nothing to roll back.
                await AuditAsync(AuditRecords.Step("execution", record.Id, Actor, "FAILED", DeviceFailure(record, null, failure)));
                await CompleteAndAsync(WorkflowEvent.Failed,
                    $"the snapshot failed after {_record!.DeviceFailures} attempt(s): {failure.Message}; no change was made, nothing to roll back");
                return true;
            }

            // The baseline is persisted before anything is sent, so a rollback after a crash restores the real "before".
            _record = record = record with { Snapshot = snapshot, Waiting = null, DeviceFailures = 0, DeviceRetryAt = null };
            await SaveAsync();
        }

        ExecutionResult result;
        try
        {
            result = await driver.ExecuteAsync(device, record.Snapshot!);
        }
        catch (Exception exception) when (IsRunbook(record) && exception is DeviceCommandFailedException or DeviceActionRejectedException)
        {
            // A runbook step is not idempotent unless the runbook has a check step, so a failed one is not run again:
            // what it may have done is undone from the snapshot.
            return await RunbookFailedAsync(record, exception);
        }
        catch (Exception failure) when (IsDeviceFailure(failure))
        {
            if (await RetryDeviceLaterAsync(record, "the apply", failure))
            {
                return false;
            }

            // Part of the change may have reached the device: restore the snapshot.
            await AuditAsync(AuditRecords.Step("execution", record.Id, Actor, "APPLY_FAILED", DeviceFailure(record, record.Snapshot, failure)));
            await CompleteAndAsync(WorkflowEvent.ApplyFailed, $"the apply failed after {_record!.DeviceFailures} attempt(s): {failure.Message}; restoring the snapshot");
            return true;
        }

        var outcome = !result.ReadBack.Confirmed ? "APPLY_FAILED" : result.Apply.Touched ? "APPLIED" : "ALREADY_PRESENT";
        var execution = new JsonObject
        {
            ["driver"] = result.Change.Driver,
            ["snapshot"] = record.Snapshot!.Id,
            ["sent"] = new JsonArray([.. result.Apply.Sent.Select(s => (JsonNode)s!)]),
            ["missingBefore"] = result.Missing.Length,
            ["readBackConfirmed"] = result.ReadBack.Confirmed,
            ["held"] = new JsonArray([.. result.ReadBack.Held.Select(f => (JsonNode)f.ToString())]),
            ["failed"] = new JsonArray([.. result.ReadBack.Failed.Select(f => (JsonNode)f.ToString())]),
            ["at"] = result.Apply.At.UtcDateTime,
        };
        // The windows travel with the VALIDATING checkpoint, so a resolver resumed after a silo loss judges the same probes.
        var windows = result.ReadBack.Confirmed && !IsRunbook(record)
            ? VerificationWindows.Of((await guardrails.CurrentAsync(GrainFactory, record.Domain)).Verification, record.Snapshot!.TakenAt, result.ReadBack.At)
            : null;
        _record = record with { ExecutionJson = execution.ToJsonString(), Windows = windows, Waiting = null, DeviceFailures = 0, DeviceRetryAt = null };
        await AuditAsync(AuditRecords.Step("execution", record.Id, Actor, outcome, execution));
        if (result.ReadBack.Confirmed)
        {
            await RecordPredictionAsync(record);
        }

        await CompleteAndAsync(result.ReadBack.Confirmed ? WorkflowEvent.Applied : WorkflowEvent.ApplyFailed,
            $"{result.Change.Driver} on {record.Router}: {result.Apply.Output}" + (result.ReadBack.Confirmed ? string.Empty : "; read back: " + string.Join("; ", result.ReadBack.Failed)));
        return true;
    }

    private async Task<bool> RunbookFailedAsync(ActionRecord record, Exception exception)
    {
        var (sent, detail, next) = exception switch
        {
            DeviceCommandFailedException failed => (failed.Commands, failed.Detail, WorkflowEvent.ApplyFailed),
            DeviceActionRejectedException rejected => (ImmutableArray<string>.Empty, string.Join("; ", rejected.Errors), WorkflowEvent.Failed),
            _ => throw new ArgumentException("not a driver failure", nameof(exception)),
        };
        var execution = new JsonObject
        {
            ["driver"] = DriverOf(record),
            ["snapshot"] = record.Snapshot!.Id,
            ["sent"] = new JsonArray([.. sent.Select(s => (JsonNode)s!)]),
            ["readBackConfirmed"] = false,
            ["error"] = detail,
            ["at"] = time.GetUtcNow().UtcDateTime,
        };
        _record = record with { ExecutionJson = execution.ToJsonString(), Waiting = null };
        await AuditAsync(AuditRecords.Step("execution", record.Id, Actor, next == WorkflowEvent.ApplyFailed ? "APPLY_FAILED" : "REJECTED", execution));
        await CompleteAndAsync(next, $"runbook {record.Router}: {detail}");
        return true;
    }

    // Judges the change on the probes once its "after" window has passed; until then the persisted VALIDATING
    // checkpoint waits (a resumed activation picks it up here, never re-applying).
    private async Task<bool> VerifyAsync(ActionRecord record)
    {
        var now = time.GetUtcNow();
        JsonObject report;
        if (IsRunbook(record))
        {
            // A runbook's own verify step is its verification: it ran at read-back, and a failure already rolled it back.
            report = VerificationReport.ByRunbook(now, record.ExecutionJson is { } execution ? JsonNode.Parse(execution)?["held"]?.AsArray() : null);
        }
        else if (record.Action == "NO_ACTION" || record.Windows is not { } windows)
        {
            // Only a change applied before probe windows were kept has none: it is not judged rather than judged on guesses.
            report = VerificationReport.Unjudged(now, record.Action == "NO_ACTION" ? "no change to the network: nothing to verify" : "applied without probe windows: not judged");
        }
        else
        {
            if (now < windows.AfterTo)
            {
                await WaitAsync($"verifying: probes after the change are taken {windows.AfterFrom:O} to {windows.AfterTo:O}");
                return false;
            }

            var rules = (await guardrails.CurrentAsync(GrainFactory, record.Domain)).Verification;
            var paths = await ProbeSeries.ReadAsync(probes, topology.Routers.Select(r => r.Id), windows);
            report = VerificationReport.Of(rules.Verify(paths.Select(p => p.Probes)), paths, windows, rules, now);
        }

        var outcome = report["outcome"]!.GetValue<string>();
        var reasons = report["reasons"]!.AsArray().Select(r => r!.GetValue<string>());
        _record = record with { VerificationJson = report.ToJsonString() };
        await AuditAsync(AuditRecords.Step("validation", record.Id, Actor, outcome, report.DeepClone().AsObject()));
        if (outcome is VerificationReport.Verified or VerificationReport.RollbackRequired)
        {
            // Counted before the transition: the next decision in this scope already sees a demotion it causes.
            await ReportOutcomeAsync(outcome == VerificationReport.Verified ? OutcomeKind.Correct : OutcomeKind.Incorrect, "verification");
        }

        await CompleteAndAsync(outcome == VerificationReport.RollbackRequired ? WorkflowEvent.VerificationFailed : WorkflowEvent.Verified,
            outcome + ": " + string.Join("; ", reasons));
        return true;
    }

    // The twin's accuracy figure counts executed actions: what it predicted is compared with what BMP then shows.
    // A prediction it cannot compare must not hold the change up, so a failure is logged, not retried.
    private async Task RecordPredictionAsync(ActionRecord record)
    {
        if (record.WhatIfJson is null || JsonNode.Parse(record.WhatIfJson)?["changes"] is not { } changes)
        {
            return;
        }

        try
        {
            var predicted = changes.Deserialize<List<BestPathChange>>(DecisionJson.Options) ?? [];
            await GrainFactory.GetGrain<ITwinAccuracyGrain>(record.Domain).RecordAsync(record.Id, predicted, [.. topology.Routers.Select(r => r.Id)]);
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException)
        {
            logger.LogWarning(exception, "Action {Action}: the twin's prediction could not be recorded for its accuracy figure", record.Id);
        }
    }

    private async Task<(GovernanceDecision Decision, TwinVerdict? Twin, string? WhatIfJson)> DecideAsync(ActionRecord record)
    {
        TwinVerdict? twin = null;
        string? whatIfJson = null;

        // A runbook changes no routing: the twin has nothing to predict, so none is run (governance takes its declared tier).
        if (record.Action != "NO_ACTION" && !IsRunbook(record))
        {
            var whatIf = await GrainFactory.GetGrain<INetworkTwinGrain>("default")
                .WhatIfAsync(new WhatIfRequest([new CatalogueChange(record.Router, record.Action, record.Parameters)]), await measured.MeasureAsync());
            twin = TwinVerdict.From(whatIf);
            whatIfJson = JsonSerializer.Serialize(whatIf, DecisionJson.Options);
        }

        var governance = await Coordinator.GovernanceAsync();
        var context = new GovernanceContext(guardrails.Resolve(governance.Policy), DecisionJson.Read<AutonomyState>(governance.AutonomyJson),
            DecisionJson.Read<RateLimitState>(governance.RateLimitsJson), time.GetUtcNow());
        return (GovernanceDecider.Decide(Proposal(record, twin), context), twin, whatIfJson);
    }

    // Where it stands in the coordinator's queue when a lease or a rate-limit slot is contended.
    private static QueueClaim Claim(ActionRecord record) => new(record.Id, record.Severity ?? "minor", record.ServiceImpact,
        record.Twin is { PerIsp.IsDefaultOrEmpty: false } twin ? 1 - twin.PerIsp.Max(l => l.UtilisationAfter) : null, record.CreatedAt);

    private ProposedAction Proposal(ActionRecord record, TwinVerdict? twin) =>
        Planner.Proposal(new Candidate("c1", record.Router, record.Action, record.Parameters, record.Reason, "operator", record.Confidence),
            twin, topology, record.Id, record.Requester, record.Domain) with { DeclaredTier = record.DeclaredTier };

    // A runbook it does not know, or whose templates name fields the action does not carry, fails before anything runs.
    private async Task<string?> RunbookProblemAsync(ActionRecord record)
    {
        var device = Device(record);
        if (!driver.Handles(device))
        {
            return $"'{record.Router}' is not a configured runbook";
        }

        try
        {
            await driver.RenderAsync(device, DeviceSnapshot.Of(record.Router, DeviceAction.Runbook, time.GetUtcNow(), string.Empty));
            return null;
        }
        catch (DeviceActionRejectedException rejected)
        {
            return $"runbook {record.Router}: {string.Join("; ", rejected.Errors)}";
        }
    }

    private static bool IsRunbook(ActionRecord record) => record.Action == DeviceAction.Runbook;

    private static DeviceAction Device(ActionRecord record) =>
        new(record.Id, record.Router, record.Action, record.Parameters) { Fields = record.Fields };

    // An unreachable or refusing device; a step that renders an invalid change fails at once (it would fail the same way again).
    private static bool IsDeviceFailure(Exception failure) => failure is DeviceCommandFailedException or DeviceActionRejectedException;

    private bool DeviceRetryPending(ActionRecord record) => record.DeviceRetryAt is { } retryAt && time.GetUtcNow() < retryAt;

    // True when the device call is tried again later (its failure counted and persisted); false when it is given up.
    private async Task<bool> RetryDeviceLaterAsync(ActionRecord record, string step, Exception failure)
    {
        var failures = record.DeviceFailures + 1;
        if (failure is DeviceActionRejectedException || failures >= DeviceAttempts)
        {
            _record = record with { DeviceFailures = failures, DeviceRetryAt = null, Waiting = null };
            logger.LogWarning("Action {Action}: {Step} failed ({Attempts} attempt(s)), giving up: {Error}", record.Id, step, failures, failure.Message);
            return false;
        }

        var retryAt = time.GetUtcNow() + (s_firstDeviceRetry * Math.Pow(2, failures - 1));
        _record = record with
        {
            DeviceFailures = failures,
            DeviceRetryAt = retryAt,
            Waiting = $"{step} failed (attempt {failures} of {DeviceAttempts}), trying again at {retryAt:O}: {failure.Message}",
        };
        logger.LogWarning("Action {Action}: {Step} failed (attempt {Attempt} of {Attempts}), trying again at {RetryAt:O}: {Error}",
            record.Id, step, failures, DeviceAttempts, retryAt, failure.Message);
        await SaveAsync();
        return true;
    }

    // The name of the driver that serves the action's device (frr, dry-run, simulated, runbook), not the dispatcher's.
    private string DriverOf(ActionRecord record) => (driver is PerRouterDriver routed ? routed.For(Device(record)) : driver).Name;

    private JsonObject DeviceFailure(ActionRecord record, DeviceSnapshot? snapshot, Exception failure) => new()
    {
        ["driver"] = DriverOf(record),
        ["snapshot"] = snapshot?.Id,
        ["sent"] = new JsonArray(),
        ["error"] = failure.Message,
        ["attempts"] = _record!.DeviceFailures,
        ["changeMade"] = snapshot is null ? false : null,
        ["note"] = snapshot is null ? "nothing was sent before the snapshot: no change was made, nothing to roll back" : null,
        ["router"] = record.Router,
    };

    private async Task WaitAsync(string reason)
    {
        if (_record!.Waiting != reason)
        {
            _record = _record with { Waiting = reason };
            await SaveAsync();
        }
    }

    private async Task CompleteAndAsync(WorkflowEvent next, string reason)
    {
        // Each effect counts its own device failures.
        _record = _record! with { Workflow = ResolverWorkflow.CompleteEffect(_record.Workflow, time.GetUtcNow()), DeviceFailures = 0, DeviceRetryAt = null };
        await TransitionAsync(next, Actor, reason);
    }

    private async Task TransitionAsync(WorkflowEvent next, string actor, string reason)
    {
        _record = _record! with { Workflow = ResolverWorkflow.Apply(_record.Workflow, next, actor, reason, time.GetUtcNow()), Waiting = null };
        await SaveAsync();
    }

    private async Task SaveAsync()
    {
        _record = _record! with { UpdatedAt = time.GetUtcNow() };
        state.State.Json = DecisionJson.Write(_record);
        await state.WriteStateAsync();
        await LiveFeed.PublishAsync(this, _record.Domain, "action", _record.Id, _record.UpdatedAt, View());
    }

    private Task AuditAsync(AuditRecord record) => LiveFeed.AuditAsync(this, audit, _record!.Domain, record, time.GetUtcNow());

    private async Task ScheduleApprovalWindowAsync(ApprovalRequest request)
    {
        var due = request.Deadline - time.GetUtcNow();
        await this.RegisterOrUpdateReminder(ApprovalReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, TimeSpan.FromMinutes(1));
    }

    private async Task ForgetReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task ForgetRemindersAsync()
    {
        await ForgetReminderAsync(ApprovalReminder);
        await ForgetReminderAsync(ResumeReminder);
    }

    private void Poll(TimeSpan? first = null) =>
        _poller ??= this.RegisterGrainTimer(_ => RunAsync(), new GrainTimerCreationOptions(first ?? s_poll, s_poll) { KeepAlive = true });

    private void StopPolling()
    {
        _poller?.Dispose();
        _poller = null;
    }

    private string View() => ActionJson.Of(_record!).ToJsonString();

    // The router/policy object a change touches: two actions on it never run at once.
    internal static string LeaseObject(ActionRecord record) =>
        IsRunbook(record)
            ? string.Join('|', "runbook", record.Router, record.Fields.GetValueOrDefault("service", "*"))
            : string.Join('|', record.Router, record.Parameters.Peer ?? "*", record.Parameters.Direction ?? "*");

    private static string Fingerprint(ActionParameters parameters) => DecisionJson.Write(parameters);

    private static ImmutableSortedDictionary<string, string> ParseFields(string? json, ref string? errors)
    {
        var empty = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return empty;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json)?.ToImmutableSortedDictionary(StringComparer.Ordinal) ?? empty;
        }
        catch (JsonException exception)
        {
            errors ??= "fields: " + exception.Message;
            return empty;
        }
    }

    private static ActionParameters ParseParameters(string json, out string? errors)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            var parameters = ActionParameters.FromJson(document.RootElement, out var problems);
            errors = problems.IsDefaultOrEmpty ? null : string.Join("; ", problems);
            return parameters;
        }
        catch (JsonException exception)
        {
            errors = "params: " + exception.Message;
            return new ActionParameters();
        }
    }
}
