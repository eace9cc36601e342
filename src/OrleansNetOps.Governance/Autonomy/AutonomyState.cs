using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Autonomy;

/// <summary>
/// The autonomy controls that change at run time (the API's <c>GET/PUT /autonomy</c>), as plain state a grain persists:
/// the kill switch, the operator's phases (over those of <c>guardrails.yaml</c>), demotions and track records.
/// Every change returns a new state and a message to audit.
/// </summary>
public sealed record AutonomyState
{
    /// <summary>Nothing set: the switch released, the guardrails' phases.</summary>
    public static AutonomyState Initial { get; } = new();

    /// <summary>When engaged, nothing runs on its own: no automatic execution and no approve-on-timeout.</summary>
    public bool KillSwitch { get; init; }

    /// <summary>Who last moved the switch.</summary>
    public string? KillSwitchBy { get; init; }

    /// <summary>When it was last moved.</summary>
    public DateTimeOffset? KillSwitchAt { get; init; }

    /// <summary>Why it was last engaged.</summary>
    public string? KillSwitchReason { get; init; }

    /// <summary>The operator's default phase, over <see cref="AutonomyPolicy.DefaultPhase"/>; null to use the guardrails'.</summary>
    public AutonomyPhase? Phase { get; init; }

    /// <summary>The operator's phases per scope; one for the same scope as a guardrails rule replaces it.</summary>
    public ImmutableArray<ScopeRule> Scopes { get; init; } = [];

    /// <summary>Scopes demoted to passive by their track record.</summary>
    public ImmutableArray<AutonomyDemotion> Demotions { get; init; } = [];

    /// <summary>Recent outcomes per exact scope.</summary>
    public ImmutableArray<ScopeTrackRecord> TrackRecords { get; init; } = [];

    /// <summary>
    /// The phase of an exact scope: a demotion makes it passive; otherwise the most specific rule covering it (the
    /// operator's rules replace the guardrails' rule for the same scope and win ties; among equally specific rules
    /// the lower phase wins), else the operator's default, else the guardrails' default. The kill switch is not a
    /// phase: see <see cref="KillSwitch"/>.
    /// </summary>
    public PhaseResolution Resolve(AutonomyScope scope, AutonomyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(policy);
        if (Demotions.FirstOrDefault(d => d.Scope.SameAs(scope)) is { } demotion)
        {
            return new PhaseResolution(AutonomyPhase.Passive, $"demoted at {demotion.At:O}: {demotion.Reason}");
        }

        var rules = policy.Scopes
            .Where(r => !Scopes.Any(o => o.Scope.SameAs(r.Scope)))
            .Select(r => (Rule: r, Operator: false))
            .Concat(Scopes.Select(r => (Rule: r, Operator: true)))
            .Where(r => r.Rule.Scope.Covers(scope))
            .OrderByDescending(r => r.Rule.Scope.Specificity)
            .ThenByDescending(r => r.Operator)
            .ThenBy(r => r.Rule.Phase)
            .ToList();
        if (rules.Count > 0)
        {
            var (rule, byOperator) = rules[0];
            return new PhaseResolution(rule.Phase, $"{(byOperator ? "operator" : "guardrails")} rule {rule.Scope}");
        }

        return Phase is { } phase
            ? new PhaseResolution(phase, "operator default")
            : new PhaseResolution(policy.DefaultPhase, "guardrails default");
    }

    /// <summary>What the scope's phase lets a tier do (the kill switch aside).</summary>
    public TierMode ModeFor(AutonomyScope scope, Tier tier, AutonomyPolicy policy) =>
        policy.ModesOf(Resolve(scope, policy).Phase).For(tier);

    /// <summary>Whether a request of this scope and tier that approves on timeout may be applied now.</summary>
    public AutoApproval AutoApprovalFor(AutonomyScope scope, Tier tier, AutonomyPolicy policy) =>
        KillSwitch ? AutoApproval.Halted
        : ModeFor(scope, tier, policy) is TierMode.Timeout or TierMode.Auto ? AutoApproval.Allowed
        : AutoApproval.Withdrawn;

    /// <summary>Engages the kill switch: every autonomous step stops.</summary>
    public AutonomyChange EngageKillSwitch(string by, DateTimeOffset at, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var next = this with { KillSwitch = true, KillSwitchBy = by.Trim(), KillSwitchAt = at, KillSwitchReason = reason };
        return new AutonomyChange(next, "kill-switch", $"kill switch ENGAGED by {by.Trim()}" + (string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason}"));
    }

    /// <summary>Releases the kill switch.</summary>
    public AutonomyChange ReleaseKillSwitch(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var next = this with { KillSwitch = false, KillSwitchBy = by.Trim(), KillSwitchAt = at, KillSwitchReason = null };
        return new AutonomyChange(next, "kill-switch", $"kill switch released by {by.Trim()}");
    }

    /// <summary>
    /// Sets the default phase (<paramref name="scope"/> null) or the phase of a scope. Setting a scope's phase lifts the
    /// demotions it covers and starts their track records afresh, so a promoted scope is judged on new outcomes only.
    /// </summary>
    public AutonomyChange SetPhase(string by, DateTimeOffset at, AutonomyPhase phase, AutonomyScope? scope = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (scope is null)
        {
            return new AutonomyChange(this with { Phase = phase }, "autonomy", $"default phase set to {Name(phase)} by {by.Trim()}");
        }

        var lifted = Demotions.Where(d => scope.Covers(d.Scope)).ToList();
        var next = this with
        {
            Scopes = Scopes.RemoveAll(r => r.Scope.SameAs(scope)).Add(new ScopeRule(scope, phase)),
            Demotions = Demotions.RemoveAll(d => scope.Covers(d.Scope)),
            TrackRecords = TrackRecords.RemoveAll(t => lifted.Any(d => d.Scope.SameAs(t.Scope))),
        };
        var message = $"phase of {scope} set to {Name(phase)} by {by.Trim()}"
            + (lifted.Count == 0 ? string.Empty : $"; lifted the demotion of {string.Join(", ", lifted.Select(d => d.Scope))}");
        return new AutonomyChange(next, "autonomy", message);
    }

    /// <summary>
    /// Adds an outcome to an exact scope's track record and demotes the scope to passive when the record leaves the
    /// bounds of <see cref="AutonomyPolicy.Demotion"/> (once there are enough outcomes, and only when the scope is not
    /// passive already).
    /// </summary>
    public AutonomyChange RecordOutcome(AutonomyScope scope, OutcomeKind outcome, DateTimeOffset at, AutonomyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(policy);
        var bounds = policy.Demotion;
        var existing = TrackRecords.FirstOrDefault(t => t.Scope.SameAs(scope));
        var recent = (existing?.Recent ?? []).Add(outcome);
        if (recent.Length > bounds.Window)
        {
            recent = recent.RemoveRange(0, recent.Length - bounds.Window);
        }

        var record = new ScopeTrackRecord(existing?.Scope ?? scope, recent);
        var next = this with
        {
            TrackRecords = existing is null ? TrackRecords.Add(record) : TrackRecords.Replace(existing, record),
        };
        var summary = $"{scope}: {Name(outcome)}; accuracy {P(record.Accuracy)}, false positives {P(record.FalsePositiveRate)} over {recent.Length}";
        if (recent.Length < bounds.MinSamples || Resolve(scope, policy).Phase == AutonomyPhase.Passive)
        {
            return new AutonomyChange(next, "outcome", summary);
        }

        var reasons = new List<string>();
        if (record.Accuracy < bounds.MinAccuracy)
        {
            reasons.Add($"accuracy {P(record.Accuracy)} < {P(bounds.MinAccuracy)}");
        }

        if (record.FalsePositiveRate > bounds.MaxFalsePositiveRate)
        {
            reasons.Add($"false-positive rate {P(record.FalsePositiveRate)} > {P(bounds.MaxFalsePositiveRate)}");
        }

        if (reasons.Count == 0)
        {
            return new AutonomyChange(next, "outcome", summary);
        }

        var demotion = new AutonomyDemotion(scope, at, record.Accuracy, record.FalsePositiveRate, recent.Length,
            $"{string.Join(" and ", reasons)} over the last {recent.Length} outcomes");
        return new AutonomyChange(next with { Demotions = next.Demotions.Add(demotion) }, "demotion",
            $"{scope} demoted to passive: {demotion.Reason}", demotion);
    }

    private static string Name(AutonomyPhase phase) => phase.ToString().ToLowerInvariant();

    private static string Name(OutcomeKind outcome) => outcome.ToString().ToLowerInvariant();

    private static string P(double share) => share.ToString("0.###", CultureInfo.InvariantCulture);
}
