using System.Text.Json.Nodes;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Grains.Audit;

namespace OrleansNetOps.Grains.Coordination;

/// <summary>
/// One domain's coordinator. Leases are granted all-or-nothing and lapse at their TTL, so a holder that died without
/// releasing blocks nobody for longer than that; a resumed holder renews its own. The kill switch lives in the
/// autonomy state that every execution gate reads here, so engaging it holds every resolver at its next gate.
/// </summary>
public sealed class CoordinatorGrain(
    [PersistentState("coordinator")] IPersistentState<CoordinatorState> state, IAuditTrail audit, GuardrailsSource guardrails, TimeProvider time)
    : Grain, ICoordinatorGrain
{
    private string Domain => this.GetPrimaryKeyString();

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
    public Task<GovernanceSnapshot> GovernanceAsync() => Task.FromResult(new GovernanceSnapshot(DecisionJson.Write(Autonomy), DecisionJson.Write(RateLimits)));

    /// <inheritdoc />
    public async Task<GateAnswer> GateAsync(string decisionJson, string? requestJson)
    {
        var decision = DecisionJson.Read<GovernanceDecision>(decisionJson);
        var request = requestJson is null ? null : DecisionJson.Read<ApprovalRequest>(requestJson);
        var result = ExecutionGate.Evaluate(decision, request, new GovernanceContext(guardrails.Current, Autonomy, RateLimits, time.GetUtcNow()));
        if (result.Outcome == GateOutcome.Proceed && !ReferenceEquals(result.RateLimits, RateLimits))
        {
            state.State.RateLimitsJson = DecisionJson.Write(result.RateLimits);
            await state.WriteStateAsync();
        }

        return new GateAnswer(result.Outcome.ToString(), result.Reason, result.RetryAt);
    }

    /// <inheritdoc />
    public async Task<LeaseAnswer> AcquireAsync(string holder, string[] objects, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentNullException.ThrowIfNull(objects);
        var now = time.GetUtcNow();
        var live = state.State.Leases.Where(l => l.Expires > now).ToList();
        if (objects.Select(o => live.FirstOrDefault(l => l.Object == o && l.Holder != holder)).FirstOrDefault(l => l is not null) is { } busy)
        {
            state.State.Leases = live;
            return new LeaseAnswer(false, $"{busy.Object} is leased to {busy.Holder} until {busy.Expires:O}");
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
    public Task<string> AutonomyAsync() => Task.FromResult(View(Autonomy).ToJsonString());

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

    private JsonObject View(AutonomyState autonomy)
    {
        var policy = guardrails.Current.Autonomy;
        return new JsonObject
        {
            ["phase"] = PhaseName(autonomy.Phase ?? policy.DefaultPhase),
            ["killSwitch"] = autonomy.KillSwitch,
            ["killSwitchBy"] = autonomy.KillSwitchBy,
            ["killSwitchAt"] = autonomy.KillSwitchAt?.UtcDateTime,
            ["killSwitchReason"] = autonomy.KillSwitchReason,
            ["scopes"] = new JsonArray([.. autonomy.Scopes.Select(s => (JsonNode)new JsonObject { ["scope"] = s.Scope.ToString(), ["phase"] = PhaseName(s.Phase) })]),
            ["demotions"] = new JsonArray([.. autonomy.Demotions.Select(d => (JsonNode)new JsonObject { ["scope"] = d.Scope.ToString(), ["reason"] = d.Reason })]),
        };
    }

    private static string PhaseName(AutonomyPhase phase) => phase.ToString().ToLowerInvariant();
}
