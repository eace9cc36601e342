using System.Text.Json.Nodes;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Priority;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Grains.Audit;

namespace OrleansNetOps.Grains.Coordination;

/// <summary>
/// One domain's coordinator. Leases are granted all-or-nothing and lapse at their TTL, so a holder that died without
/// releasing blocks nobody for longer than that; a resumed holder renews its own. The kill switch lives in the
/// autonomy state that every execution gate reads here, so engaging it holds every resolver at its next gate.
/// <para>
/// It holds the domain's one guardrails policy (text and version, persisted): PUT and every silo's file go through
/// <see cref="ChangePolicyAsync"/>, so a change is validated and audited once however many silos see it, and every
/// consumer reads the text from here. Outcomes of actions and engineers' verdicts feed the scopes' track records here,
/// and a scope that leaves its bounds is demoted to passive (audited by <c>system</c>).
/// </para>
/// </summary>
public sealed class CoordinatorGrain(
    [PersistentState("coordinator")] IPersistentState<CoordinatorState> state, IAuditTrail audit, GuardrailsSource guardrails, TimeProvider time)
    : Grain, ICoordinatorGrain
{
    /// <summary>The actor audit records name for what the coordinator decides on its own (demotions).</summary>
    public const string SystemActor = "system";

    private const int MaxFileTexts = 64;
    private const string RateLimitSlot = "rate-limit";
    private static readonly TimeSpan s_waitingLapse = TimeSpan.FromSeconds(2);

    // Who waits for what, kept in memory: a resolver re-asks while it waits, so a new activation learns the queue anew.
    private readonly Dictionary<string, Waiter> _waiting = new(StringComparer.Ordinal);
    private const int MaxJudged = 2048;

    private string Domain => this.GetPrimaryKeyString();

    private GuardrailsText Text => state.State.PolicyVersion == 0
        ? new GuardrailsText(0, guardrails.Baseline.Fingerprint, null)
        : new GuardrailsText(state.State.PolicyVersion, state.State.PolicyFingerprint, state.State.PolicyYaml);

    private GovernancePolicy Policy => guardrails.Resolve(Text);

    private AutonomyState Autonomy => state.State.AutonomyJson.Length == 0 ? AutonomyState.Initial : DecisionJson.Read<AutonomyState>(state.State.AutonomyJson);

    private RateLimitState RateLimits => state.State.RateLimitsJson.Length == 0 ? RateLimitState.Empty : DecisionJson.Read<RateLimitState>(state.State.RateLimitsJson);

    /// <inheritdoc />
    public async Task RegisterAsync(string actionId)
    {
        if (!state.State.Actions.Contains(actionId))
        {
            state.State.Actions.Add(actionId);
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ActionIdsAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Actions]);

    /// <inheritdoc />
    public Task<GovernanceSnapshot> GovernanceAsync() => Task.FromResult(new GovernanceSnapshot(DecisionJson.Write(Autonomy), DecisionJson.Write(RateLimits), Text));

    /// <inheritdoc />
    public Task<GuardrailsText> PolicyAsync() => Task.FromResult(Text);

    /// <inheritdoc />
    public async Task<GuardrailsChangeAnswer> ChangePolicyAsync(GuardrailsChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fingerprint = GuardrailsReader.Fingerprint(request.Text);
        var current = Text;
        var offeredBefore = state.State.FileTexts.Contains(fingerprint);
        var dirty = false;
        if (request.Origin != GuardrailsOrigin.Api && !offeredBefore)
        {
            state.State.FileTexts.Add(fingerprint);
            state.State.FileTexts.RemoveRange(0, Math.Max(0, state.State.FileTexts.Count - MaxFileTexts));
            dirty = true;
        }

        var outcome = fingerprint == current.Fingerprint ? GuardrailsChangeOutcome.Unchanged
            : request.Origin == GuardrailsOrigin.FileAtStart && offeredBefore ? GuardrailsChangeOutcome.Stale
            : (GuardrailsChangeOutcome?)null;
        if (outcome is { } nothing)
        {
            if (dirty)
            {
                await state.WriteStateAsync();
            }

            return new GuardrailsChangeAnswer(nothing, current, []);
        }

        var previous = Policy;
        var reload = GuardrailsReader.Reload(request.Text, request.SourceName, previous);
        if (reload.Accepted)
        {
            state.State.PolicyYaml = request.Text;
            state.State.PolicyFingerprint = reload.Policy.Fingerprint;
            state.State.PolicyVersion++;
            dirty = true;
        }

        // Persisted first, as for the autonomy controls: from here every consumer reads the new text.
        if (dirty)
        {
            await state.WriteStateAsync();
        }

        await LiveFeed.AuditAsync(this, audit, Domain, AuditRecords.Policy(request.Actor, reload, previous.Fingerprint), time.GetUtcNow());
        return new GuardrailsChangeAnswer(reload.Accepted ? GuardrailsChangeOutcome.Accepted : GuardrailsChangeOutcome.Rejected, Text,
            [.. reload.Errors.Select(e => e.ToString())]);
    }

    /// <inheritdoc />
    public async Task<string> RecordOutcomeAsync(OutcomeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var key = report.ActionId + "|" + report.Source;
        if (state.State.Judged.Contains(key))
        {
            return AutonomyView();
        }

        var now = time.GetUtcNow();
        var change = Autonomy.RecordOutcome(report.Scope, report.Outcome, now, Policy.Autonomy);
        state.State.AutonomyJson = DecisionJson.Write(change.State);
        state.State.Judged.Add(key);
        state.State.Judged.RemoveRange(0, Math.Max(0, state.State.Judged.Count - MaxJudged));
        await state.WriteStateAsync();
        if (change.Demotion is not null)
        {
            // The audit entry travels on the live feed as an audit event: the demotion is seen as it happens.
            await LiveFeed.AuditAsync(this, audit, Domain, AuditRecords.Autonomy(change, SystemActor), now);
        }

        return AutonomyView();
    }

    /// <inheritdoc />
    public async Task<GateAnswer> GateAsync(string decisionJson, string? requestJson, string? claimJson = null)
    {
        var decision = DecisionJson.Read<GovernanceDecision>(decisionJson);
        var request = requestJson is null ? null : DecisionJson.Read<ApprovalRequest>(requestJson);
        var claim = claimJson is null ? null : DecisionJson.Read<QueueClaim>(claimJson);
        var now = time.GetUtcNow();
        var context = new GovernanceContext(Policy, Autonomy, RateLimits, now);
        var result = ExecutionGate.Evaluate(decision, request, context);
        var takesSlot = result.Outcome == GateOutcome.Proceed && !ReferenceEquals(result.RateLimits, RateLimits);
        if (claim is not null)
        {
            // Only a rate-limit wait queues (it carries when a slot frees); approval and kill-switch waits are not contention.
            // A waiter ahead holds a free slot back only when the gate would let it through now: a T2 held by the T2
            // limit does not keep a T1 from a T1 slot it could not use itself.
            var waiter = new Waiter(claim, RateLimitSlot, now, decision, request);
            if (result.Outcome == GateOutcome.Wait && result.RetryAt is not null)
            {
                _waiting[claim.ActionId] = waiter;
            }
            else if (takesSlot && FirstAhead(claim, RateLimitSlot, now, w => CouldGo(w, context)) is { } first)
            {
                _waiting[claim.ActionId] = waiter;
                return new GateAnswer(nameof(GateOutcome.Wait), $"rate limit: {first.ActionId} ({first.Severity}) goes first", result.RetryAt);
            }
            else
            {
                _waiting.Remove(claim.ActionId);
            }
        }

        if (takesSlot)
        {
            state.State.RateLimitsJson = DecisionJson.Write(result.RateLimits);
            await state.WriteStateAsync();
        }

        return new GateAnswer(result.Outcome.ToString(), result.Reason, result.RetryAt);
    }

    /// <inheritdoc />
    public async Task<LeaseAnswer> AcquireAsync(string holder, string[] objects, TimeSpan ttl, string? claimJson = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentNullException.ThrowIfNull(objects);
        var claim = claimJson is null ? null : DecisionJson.Read<QueueClaim>(claimJson);
        var now = time.GetUtcNow();
        var live = state.State.Leases.Where(l => l.Expires > now).ToList();
        if (objects.Select(o => live.FirstOrDefault(l => l.Object == o && l.Holder != holder)).FirstOrDefault(l => l is not null) is { } busy)
        {
            state.State.Leases = live;
            if (claim is not null)
            {
                Enqueue(claim, busy.Object, now);
            }

            return new LeaseAnswer(false, $"{busy.Object} is leased to {busy.Holder} until {busy.Expires:O}");
        }

        var renewing = live.Any(l => l.Holder == holder);
        if (claim is not null && !renewing && objects.Select(o => (Object: o, First: FirstAhead(claim, o, now))).FirstOrDefault(x => x.First is not null) is { First: { } first } contested)
        {
            Enqueue(claim, contested.Object, now);
            return new LeaseAnswer(false, $"{contested.Object} goes first to {first.ActionId} ({first.Severity})");
        }

        if (claim is not null)
        {
            _waiting.Remove(claim.ActionId);
        }

        live.RemoveAll(l => l.Holder == holder && objects.Contains(l.Object));
        live.AddRange(objects.Select(o => new Lease(o, holder, now + ttl)));
        state.State.Leases = live;
        await state.WriteStateAsync();
        return new LeaseAnswer(true, $"{string.Join(", ", objects)} leased to {holder} until {now + ttl:O}");
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string holder)
    {
        _waiting.Remove(holder);
        if (state.State.Leases.RemoveAll(l => l.Holder == holder) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Lease>> LeasesAsync()
    {
        var now = time.GetUtcNow();
        return Task.FromResult<IReadOnlyList<Lease>>([.. state.State.Leases.Where(l => l.Expires > now)]);
    }

    /// <inheritdoc />
    public Task<string> QueueAsync()
    {
        var now = time.GetUtcNow();
        var live = Live(now).ToList();
        var order = QueueOrder.Order(live.Select(w => w.Claim));
        return Task.FromResult(new JsonArray([.. order.Select((c, i) => (JsonNode)new JsonObject
        {
            ["position"] = i + 1,
            ["actionId"] = c.ActionId,
            ["severity"] = c.Severity,
            ["serviceImpact"] = c.ServiceImpact,
            ["spareCapacity"] = c.SpareCapacity,
            ["since"] = c.Since.UtcDateTime,
            ["waitingFor"] = _waiting[c.ActionId].For,
        })]).ToJsonString());
    }

    /// <inheritdoc />
    public Task<string> AutonomyAsync() => Task.FromResult(AutonomyView());

    /// <inheritdoc />
    public async Task<string> SetAutonomyAsync(AutonomyUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = time.GetUtcNow();
        var current = Autonomy;
        var changes = new List<AutonomyChange>();
        if (update.Phase is { } name)
        {
            var phase = Enum.GetValues<AutonomyPhase>().FirstOrDefault(p => string.Equals(PhaseName(p), name, StringComparison.Ordinal), (AutonomyPhase)(-1));
            if (!Enum.IsDefined(phase))
            {
                throw new ArgumentException($"phase '{name}' is not one of passive, semi, autonomous", nameof(update));
            }

            changes.Add(current.SetPhase(update.By, now, phase));
            current = changes[^1].State;
        }

        if (update.KillSwitch is { } engage && engage != current.KillSwitch)
        {
            changes.Add(engage ? current.EngageKillSwitch(update.By, now, update.Reason) : current.ReleaseKillSwitch(update.By, now));
            current = changes[^1].State;
        }

        if (changes.Count > 0)
        {
            // Persisted first: from here every gate sees the new controls, whatever happens to the audit write.
            state.State.AutonomyJson = DecisionJson.Write(current);
            await state.WriteStateAsync();
            foreach (var change in changes)
            {
                await LiveFeed.AuditAsync(this, audit, Domain, AuditRecords.Autonomy(change, update.By), now);
            }
        }

        return View(current).ToJsonString();
    }

    private string AutonomyView() => View(Autonomy).ToJsonString();

    private void Enqueue(QueueClaim claim, string waitingFor, DateTimeOffset now) => _waiting[claim.ActionId] = new Waiter(claim, waitingFor, now, null, null);

    private static bool CouldGo(Waiter waiter, GovernanceContext context) =>
        waiter.Decision is not null && ExecutionGate.Evaluate(waiter.Decision, waiter.Request, context).Outcome == GateOutcome.Proceed;

    // Waiting resolvers ask again every quarter second; one silent for longer than this has stopped waiting (done, or its silo is gone).
    private IEnumerable<Waiter> Live(DateTimeOffset now)
    {
        foreach (var gone in _waiting.Where(w => now - w.Value.Seen > s_waitingLapse).Select(w => w.Key).ToList())
        {
            _waiting.Remove(gone);
        }

        return _waiting.Values;
    }

    private QueueClaim? FirstAhead(QueueClaim claim, string waitingFor, DateTimeOffset now, Func<Waiter, bool>? contends = null) =>
        QueueOrder.Ahead(claim, Live(now).Where(w => w.For == waitingFor && (contends is null || contends(w))).Select(w => w.Claim)).FirstOrDefault();

    // What the gate knew of a rate-limit waiter when it last asked, to tell whether it could take a free slot itself.
    private sealed record Waiter(QueueClaim Claim, string For, DateTimeOffset Seen, GovernanceDecision? Decision, ApprovalRequest? Request);

    private JsonObject View(AutonomyState autonomy)
    {
        var policy = Policy.Autonomy;
        return new JsonObject
        {
            ["phase"] = PhaseName(autonomy.Phase ?? policy.DefaultPhase),
            ["killSwitch"] = autonomy.KillSwitch,
            ["killSwitchBy"] = autonomy.KillSwitchBy,
            ["killSwitchAt"] = autonomy.KillSwitchAt?.UtcDateTime,
            ["killSwitchReason"] = autonomy.KillSwitchReason,
            ["scopes"] = new JsonArray([.. autonomy.Scopes.Select(s => (JsonNode)new JsonObject { ["scope"] = s.Scope.ToString(), ["phase"] = PhaseName(s.Phase) })]),
            ["demotions"] = new JsonArray([.. autonomy.Demotions.Select(d => (JsonNode)new JsonObject
            {
                ["scope"] = d.Scope.ToString(),
                ["at"] = d.At.UtcDateTime,
                ["accuracy"] = d.Accuracy,
                ["falsePositiveRate"] = d.FalsePositiveRate,
                ["samples"] = d.Samples,
                ["reason"] = d.Reason,
            })]),
            ["trackRecords"] = new JsonArray([.. autonomy.TrackRecords.Select(t => (JsonNode)new JsonObject
            {
                ["scope"] = t.Scope.ToString(),
                ["outcomes"] = t.Recent.Length,
                ["accuracy"] = t.Accuracy,
                ["falsePositiveRate"] = t.FalsePositiveRate,
            })]),
        };
    }

    private static string PhaseName(AutonomyPhase phase) => phase.ToString().ToLowerInvariant();
}
