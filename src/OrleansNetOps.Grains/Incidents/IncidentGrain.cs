using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Grains.Actions;
using OrleansNetOps.Grains.Audit;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Grains.Twin;
using OrleansNetOps.Planning.Candidates;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Planning.Plans;
using OrleansNetOps.Planning.Runbooks;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Grains.Incidents;

/// <summary>
/// One incident. It opens on its first finding, takes every later finding of its cause as evidence, and once no finding
/// joined for <see cref="SettlePeriod"/> (at most <see cref="MaxSettle"/> after opening) — or, for a lost session, as
/// soon as the live BMP view shows it down — asks the planner for the best catalogue change for its fault (each
/// candidate proven on the twin as of the latest evidence, governance-tiered; the plan is kept with every candidate's
/// outcome). Evidence that names a deeper fault than the one planned for (a lost session behind a congestion) makes it
/// plan again, withdrawing the earlier action if that still waits for approval. It proposes the chosen change
/// as an agent through the same resolver path as an operator's <c>POST /api/v1/actions</c>, with an idempotency key
/// derived from its id (and the plan's number), so a retry or a restart never makes a second action. It is mitigating while the action runs and
/// resolved once the action completed and no finding came for <see cref="QuietPeriod"/>; it closes
/// <see cref="ClosedAfter"/> later. Every change is persisted, then published as an <c>incident</c> event.
/// </summary>
public sealed class IncidentGrain(
    [PersistentState("incident")] IPersistentState<IncidentGrainState> state,
    GuardrailsSource guardrails, NetworkTopology topology, TwinContextSource measured, RunbookCatalogue runbooks, TimeProvider time, ILogger<IncidentGrain> logger)
    : Grain, IIncidentGrain, IRemindable
{
    /// <summary>How long without a new finding before a mitigated incident counts as resolved (the correlator's window).</summary>
    public static readonly TimeSpan QuietPeriod = CorrelationOptions.Default.Window;

    /// <summary>
    /// How long without a new finding before the incident plans: one fault reaches us as a burst (a linkDown trap, then
    /// BMP's Peer Down a few seconds later), and a plan made on its first finding is made on half the evidence.
    /// </summary>
    public static readonly TimeSpan SettlePeriod = TimeSpan.FromSeconds(3);

    /// <summary>The longest a stream of findings can hold the plan back.</summary>
    public static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(30);

    /// <summary>How long a resolved incident stays visible as resolved before it closes.</summary>
    public static readonly TimeSpan ClosedAfter = TimeSpan.FromHours(1);

    private const string TickReminder = "incident-tick";
    private const int MaxTimeline = 500;
    private const int KeptFirstEntries = 20;
    private const int MaxEvidence = 200;
    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(2);
    private static readonly string[] s_failed = ["FAILED", "REJECTED", "BLOCKED", "ROLLED_BACK"];
    private IncidentRecord? _record;
    private IGrainTimer? _timer;

    private string Agent => "agent/incident/" + this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = state.State.Json.Length == 0 ? null : DecisionJson.Read<IncidentRecord>(state.State.Json);
        StartTicking();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ObserveAsync(string domain, IncidentCandidate candidate, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(finding);
        var now = time.GetUtcNow();
        var evidence = new IncidentEvidence(finding.Id, FindingKinds.Name(finding.Kind), finding.Router, finding.At, finding.Score, finding.Summary)
        {
            Data = IncidentRunbooks.Data(finding),
        };
        var severity = SeverityName(candidate.Severity);
        if (_record is null)
        {
            _record = new IncidentRecord
            {
                Id = this.GetPrimaryKeyString(),
                Domain = domain,
                Title = candidate.Title,
                Severity = severity,
                State = IncidentStates.Open,
                OpenedAt = now,
                UpdatedAt = now,
                LastFindingAt = finding.At,
                JoinedAt = now,
                Routers = candidate.Routers,
                RootCause = candidate.TopCause.Explanation,
                RootCauseSubject = candidate.TopCause.Subject.ToString(),
                Confidence = candidate.TopCause.Confidence,
                Evidence = [evidence],
                Fault = IncidentFaults.From(candidate, topology),
                Timeline =
                [
                    new IncidentEntry(now, "state", "intake", $"opened ({severity}): {candidate.Title}"),
                    new IncidentEntry(finding.At, "finding", "intake", $"{evidence.Kind} on {finding.Router ?? "the network"}: {finding.Summary}"),
                ],
            };
            await this.RegisterOrUpdateReminder(TickReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            await SaveAsync();
            StartTicking();
            return;
        }

        if (_record.Evidence.Any(e => e.FindingId == finding.Id))
        {
            return;
        }

        var previous = _record.Severity;
        var fault = IncidentFaults.From(candidate, topology);
        var plannedFor = _record.Fault;
        var deeper = _record.Planned && !Unplanned(_record) && IncidentFaults.Outranks(fault, plannedFor);
        var record = _record with
        {
            Title = candidate.Title,
            Severity = Rank(severity) > Rank(_record.Severity) ? severity : _record.Severity,
            LastFindingAt = finding.At > _record.LastFindingAt ? finding.At : _record.LastFindingAt,
            JoinedAt = now,
            Routers = [.. _record.Routers.Union(candidate.Routers).Order(StringComparer.Ordinal)],
            RootCause = candidate.TopCause.Explanation,
            RootCauseSubject = candidate.TopCause.Subject.ToString(),
            Confidence = candidate.TopCause.Confidence,
            Evidence = _record.Evidence.Length >= MaxEvidence ? _record.Evidence : _record.Evidence.Add(evidence),
            Fault = _record.Planned && !Unplanned(_record) && !deeper ? _record.Fault : fault,
        };

        // An incident that could only be observed plans again once its evidence names a fault the catalogue can act on
        // (a probe's delay came a step before the utilisation that explains it).
        if (Unplanned(_record) && record.Fault.Kind != FaultKind.Unknown)
        {
            record = record with { Planned = false };
        }

        _record = Note(record, finding.At, "finding", "intake", $"{evidence.Kind} on {finding.Router ?? "the network"}: {finding.Summary}");
        if (record.Severity != previous)
        {
            _record = Note(_record, now, "state", "intake", $"severity {previous} → {record.Severity}");
        }

        if (deeper)
        {
            _record = Note(_record with { Planned = false }, now, "plan", Agent,
                $"the evidence now names a deeper fault ({KindName(fault.Kind)}: {fault.Summary}) than the one planned for ({KindName(plannedFor.Kind)}): planning again");
        }

        await SaveAsync();

        // A lost session may be planned for as soon as the live view shows it: look now rather than on the next tick.
        if (!_record.Planned && _record.Fault.Kind == FaultKind.SessionDown)
        {
            _timer?.Change(TimeSpan.Zero, s_tick);
        }
    }

    /// <inheritdoc />
    public async Task MergedAsync(string survivor)
    {
        if (_record is null || _record.State == IncidentStates.Closed)
        {
            return;
        }

        await MoveAsync(IncidentStates.Closed, "intake", $"the same cause as {survivor}: merged into it");
    }

    /// <inheritdoc />
    public Task<string?> GetAsync(bool timeline) =>
        Task.FromResult(_record is null ? null : IncidentJson.ToJson(_record, timeline).ToJsonString());

    /// <inheritdoc />
    public async Task<ActionReply> AcknowledgeAsync(string by, string? comment)
    {
        if (_record is null)
        {
            return new ActionReply(404, $"incident '{this.GetPrimaryKeyString()}' does not exist", null);
        }

        if (_record.AcknowledgedBy is { } already)
        {
            return new ActionReply(409, $"incident '{_record.Id}' was acknowledged by {already}", null);
        }

        if (_record.State is not (IncidentStates.Open or IncidentStates.Mitigating))
        {
            return new ActionReply(409, $"incident '{_record.Id}' is {_record.State}; only an open or mitigating incident can be acknowledged", null);
        }

        var why = string.IsNullOrWhiteSpace(comment) ? "acknowledged" : "acknowledged: " + comment;
        _record = _record with { AcknowledgedBy = by, Settled = IncidentStates.Acknowledged };
        if (_record.State == IncidentStates.Open)
        {
            await MoveAsync(IncidentStates.Acknowledged, by, why);
        }
        else
        {
            // Its agent is already mitigating: the operator takes it on without stepping the lifecycle back.
            _record = Note(_record, time.GetUtcNow(), "state", by, why + " (while mitigating)");
            await SaveAsync();
        }

        return ActionReply.Ok(IncidentJson.ToJson(_record, timeline: true).ToJsonString());
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync();

    private void StartTicking()
    {
        if (_record is null || _record.State == IncidentStates.Closed || _timer is not null)
        {
            return;
        }

        _timer = this.RegisterGrainTimer(_ => TickAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, s_tick) { KeepAlive = true });
    }

    // Plan once, then follow the action; resolve when it completed and the findings stopped; close a while later.
    private async Task TickAsync()
    {
        if (_record is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        try
        {
            if (!_record.Planned && _record.State is IncidentStates.Open or IncidentStates.Acknowledged or IncidentStates.Mitigating)
            {
                if (now - _record.JoinedAt >= SettlePeriod || now - _record.OpenedAt >= MaxSettle || await SeenDownLiveAsync())
                {
                    await PlanAsync();
                }
            }
            else if (_record.State == IncidentStates.Mitigating)
            {
                await FollowActionAsync(now);
            }
            else if (_record.State is IncidentStates.Open or IncidentStates.Acknowledged && _record.Planned && _record.ActionIds.IsEmpty && Quiet(now))
            {
                await ResolveAsync(now, "no finding for " + Minutes(QuietPeriod) + " and nothing to change");
            }
            else if (_record.State == IncidentStates.Resolved && now - (_record.ResolvedAt ?? now) >= ClosedAfter)
            {
                await MoveAsync(IncidentStates.Closed, Agent, "resolved " + Minutes(ClosedAfter) + " ago");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next tick tries again; a planner or twin hiccup must not lose the incident.
            logger.LogWarning(exception, "Incident {Incident}: step failed; retrying on the next tick", _record.Id);
        }

        if (_record.State == IncidentStates.Closed)
        {
            _timer?.Dispose();
            _timer = null;
            if (await this.GetReminder(TickReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    private async Task PlanAsync()
    {
        var record = _record!;
        var now = time.GetUtcNow();

        // One action per plan: a plan made again for a deeper fault gets its own key (still stable across restarts).
        var key = record.ActionIds.IsEmpty ? "incident:" + record.Id : $"incident:{record.Id}:{record.ActionIds.Length + 1}";
        var actionId = ActionIds.For(record.Domain, key);

        // A known fault gets its known runbook (runbooks.yaml) instead of a routing change.
        if (IncidentRunbooks.Propose(runbooks, record, out var note) is { } runbook)
        {
            _record = Note(record, now, "plan", Agent, runbook.Rationale + note);
            await ProposeAsync(actionId, new ActionProposal(runbook.Runbook, RunbookProposal.Action, "{}", $"incident {record.Id}: {runbook.Rationale}",
                Agent, record.Domain, runbook.Mapping.Confidence, key, record.Id)
            {
                FieldsJson = DecisionJson.Write(runbook.Fields),
                DeclaredTier = runbook.Tier.ToString(),
            }, $"RUNBOOK {runbook.Runbook}");
            return;
        }

        if (note.Length > 0)
        {
            record = _record = Note(record, now, "plan", Agent, "no runbook:" + note);
        }

        if (record.Fault.Kind == FaultKind.Unknown)
        {
            _record = Note(record with { Planned = true }, now, "plan", Agent, "no catalogue action for this fault: observe");
            await SaveAsync();
            return;
        }

        // Every candidate is proven with the traffic and probes measured now; a congestion also gets, beside each
        // whole-ISP shift, the narrowest shift that brings the ISP under the floor (learned from the whole one's what-if).
        var candidates = CandidateCatalogue.Propose(record.Fault, topology);
        var twin = GrainFactory.GetGrain<INetworkTwinGrain>(record.Domain);
        var traffic = (await measured.MeasureAsync()) with { LiveAsOf = record.JoinedAt };
        var governance = await GrainFactory.GetGrain<ICoordinatorGrain>(record.Domain).GovernanceAsync();
        var policy = guardrails.Resolve(governance.Policy);
        var target = policy.Floors.UtilisationPct / 100;
        var provingFrom = time.GetUtcNow();

        // The twin is reentrant and runs each what-if off its turn: the candidates are proven side by side.
        var proven = new List<(Candidate Candidate, WhatIfResult WhatIf)>(candidates.Length + 2);
        var results = await Task.WhenAll(candidates.Select(candidate => ProveAsync(twin, candidate, traffic)));
        proven.AddRange(candidates.Zip(results));

        foreach (var (whole, result) in proven.ToList())
        {
            if (PrefixShift.Narrow(record.Fault, whole, result, traffic.Traffic, topology, target, $"c{proven.Count + 1}") is { } narrow)
            {
                proven.Add((narrow, await ProveAsync(twin, narrow, traffic)));
            }
        }

        var context = new GovernanceContext(policy, DecisionJson.Read<AutonomyState>(governance.AutonomyJson),
            DecisionJson.Read<RateLimitState>(governance.RateLimitsJson), now);
        var plan = Planner.Choose(record.Fault, proven, topology, context, actionId, Agent, record.Domain);
        var weighed = string.Join("; ", plan.Evaluations.Select(e => $"{e.Candidate.Id} {e.Candidate.Describe()}: {e.Why}"));
        var took = string.Create(CultureInfo.InvariantCulture,
            $"measured in {(provingFrom - now).TotalMilliseconds:0} ms, {proven.Count} what-ifs in {(time.GetUtcNow() - provingFrom).TotalMilliseconds:0} ms");
        record = record with { Plan = [.. plan.Evaluations.Select(Kept)] };
        if (plan.Chosen is not { } chosen)
        {
            _record = Note(record with { Planned = true }, time.GetUtcNow(), "plan", Agent, $"no candidate may run: {weighed} ({took})");
            await SaveAsync();
            return;
        }

        _record = Note(record, time.GetUtcNow(), "plan", Agent, $"chose {chosen.Candidate.Describe()} ({chosen.Decision.Tier}): {weighed} ({took})");
        await SupersedeAsync(chosen.Candidate.Describe());
        await ProposeAsync(actionId, new ActionProposal(
            chosen.Candidate.Router, chosen.Candidate.Action, DecisionJson.Write(chosen.Candidate.Parameters),
            $"incident {record.Id}: {chosen.Candidate.Rationale}", Agent, record.Domain, chosen.Candidate.Confidence, key, record.Id), chosen.Candidate.Describe());
    }

    // Proposes as an agent through the same resolver path as an operator; the incident mitigates while it runs.
    private async Task ProposeAsync(string actionId, ActionProposal proposal, string description)
    {
        var record = _record!;
        var now = time.GetUtcNow();
        var reply = await GrainFactory.GetGrain<IActionGrain>(actionId).ProposeAsync(proposal with
        {
            Severity = record.Severity,
            ServiceImpact = topology.Routers.Count == 0 ? 0 : (double)record.Routers.Length / topology.Routers.Count,
        });
        if (reply.Status != 200)
        {
            _record = Note(_record! with { Planned = true }, now, "action", Agent, $"the proposal was refused ({reply.Status}): {reply.Error}");
            await SaveAsync();
            return;
        }

        _record = _record! with { Planned = true, ActionIds = _record.ActionIds.Contains(actionId) ? _record.ActionIds : _record.ActionIds.Add(actionId) };
        _record = Note(_record, now, "action", Agent, $"proposed {actionId}: {description}");
        if (_record.State == IncidentStates.Mitigating)
        {
            _record = Note(_record, time.GetUtcNow(), "state", Agent, $"still mitigating: {actionId} is running");
            await SaveAsync();
        }
        else
        {
            await MoveAsync(IncidentStates.Mitigating, Agent, $"{actionId} is running");
        }
    }

    // An earlier plan's action still waiting for approval is withdrawn: the plan it came from was for a shallower fault.
    private async Task SupersedeAsync(string by)
    {
        foreach (var earlier in _record!.ActionIds)
        {
            var grain = GrainFactory.GetGrain<IActionGrain>(earlier);
            var json = await grain.GetAsync();
            if (json is not null && JsonNode.Parse(json)?["state"]?.GetValue<string>() == "AWAITING_APPROVAL")
            {
                var reply = await grain.RejectAsync(Agent, $"superseded: the incident's fault is now {KindName(_record.Fault.Kind)}; planned {by} instead");
                _record = Note(_record, time.GetUtcNow(), "action", Agent, reply.Status == 200
                    ? $"withdrew {earlier}: superseded by the plan for {KindName(_record.Fault.Kind)}"
                    : $"could not withdraw {earlier} ({reply.Status}): {reply.Error}");
            }
        }
    }

    // Whether the live BMP view already shows the fault's session down on every router it names: the twin then sees it
    // too, and the plan needs no more evidence.
    private async Task<bool> SeenDownLiveAsync()
    {
        var fault = _record!.Fault;
        if (fault.Kind != FaultKind.SessionDown || fault.Peer is not { } peer)
        {
            return false;
        }

        var links = fault.Routers.SelectMany(r => topology.LinksOf(r).Where(l => l.Other(r) == peer).Select(l => (Router: r, Link: l.Name))).ToList();
        foreach (var (router, link) in links)
        {
            if (!RouterTwinGrain.DownLinks(topology, router, await GrainFactory.GetGrain<IRouterGrain>(router).GetPeersAsync()).Contains(link))
            {
                return false;
            }
        }

        return links.Count > 0;
    }

    private static PlannedCandidate Kept(CandidateEvaluation e) => new(e.Candidate.Id, e.Candidate.Router, e.Candidate.Action, e.Candidate.Parameters,
        System.Text.Json.JsonSerializer.Serialize(e.Outcome).Trim('"'), e.Decision.Tier.ToString(), e.Twin.Blast, e.Score.Total,
        [.. e.Decision.Violations.Select(v => v.Message)], e.Why);

    private static string KindName(FaultKind kind) => System.Text.Json.JsonSerializer.Serialize(kind).Trim('"');

    private static Task<WhatIfResult> ProveAsync(INetworkTwinGrain twin, Candidate candidate, TwinContext context) =>
        twin.WhatIfAsync(new WhatIfRequest([new CatalogueChange(candidate.Router, candidate.Action, candidate.Parameters)]), context);

    private async Task FollowActionAsync(DateTimeOffset now)
    {
        var actionId = _record!.ActionIds[^1];
        var json = await GrainFactory.GetGrain<IActionGrain>(actionId).GetAsync();
        var actionState = json is null ? null : JsonNode.Parse(json)?["state"]?.GetValue<string>();
        if (actionState == "COMPLETED")
        {
            if (Quiet(now))
            {
                await ResolveAsync(now, $"{actionId} completed and no finding for {Minutes(QuietPeriod)}");
            }
        }
        else if (actionState is null || s_failed.Contains(actionState))
        {
            await MoveAsync(_record.Settled, Agent, $"{actionId} ended {actionState ?? "missing"}: the incident needs an operator");
        }
    }

    private static bool Unplanned(IncidentRecord record) => record.Planned && record.ActionIds.IsEmpty && record.Fault.Kind == FaultKind.Unknown;

    private bool Quiet(DateTimeOffset now) => now - _record!.LastFindingAt >= QuietPeriod;

    private async Task ResolveAsync(DateTimeOffset now, string why)
    {
        _record = _record! with { ResolvedAt = now };
        await MoveAsync(IncidentStates.Resolved, Agent, why);
    }

    private async Task MoveAsync(string next, string actor, string why)
    {
        var now = time.GetUtcNow();
        _record = Note(_record! with { State = next }, now, "state", actor, $"{_record.State} → {next}: {why}");
        await SaveAsync();
    }

    private async Task SaveAsync()
    {
        _record = _record! with { UpdatedAt = time.GetUtcNow() };
        state.State.Json = DecisionJson.Write(_record);
        await state.WriteStateAsync();
        await LiveFeed.PublishAsync(this, _record.Domain, "incident", _record.Id, _record.UpdatedAt, IncidentJson.ToJson(_record, timeline: false).ToJsonString());
    }

    // Bounded: the first entries (how it started) and the latest ones.
    private static IncidentRecord Note(IncidentRecord record, DateTimeOffset at, string kind, string actor, string text)
    {
        var timeline = record.Timeline.Add(new IncidentEntry(at, kind, actor, text));
        if (timeline.Length > MaxTimeline)
        {
            timeline = [.. timeline.Take(KeptFirstEntries), .. timeline.Skip(timeline.Length - (MaxTimeline - KeptFirstEntries))];
        }

        return record with { Timeline = timeline };
    }

    private static string SeverityName(IncidentSeverity severity) => severity.ToString().ToLowerInvariant();

    private static int Rank(string severity) => severity switch
    {
        "critical" => 3,
        "major" => 2,
        "minor" => 1,
        _ => 0,
    };

    private static string Minutes(TimeSpan span) => span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";
}
