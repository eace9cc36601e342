using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Verification;

namespace OrleansNetOps.Governance.Audit;

/// <summary>
/// The audit records of governance's own events, with a fixed detail schema (SPEC §4: agent identity, inputs, twin
/// result, violations, tier before/after, operator, outcome). Every detail has <c>outcome</c>; the rest by kind:
/// <list type="bullet">
/// <item><c>decision</c>: <c>inputs</c> { router, action, params, confidence, requester, domain, deviceClass, dataSensitivity?, compliance? },
/// <c>twin</c> { passed, prefixShare, trafficShare, blast, routers, errors, warnings, asymmetric, slaBreaches } or null,
/// <c>violations</c> [{ kind, effect, message }], <c>tier</c> { before, after }, <c>risk</c> { level, score, factors },
/// <c>autonomy</c> { scope, phase, source, mode, killSwitch }, <c>approval</c> { required, timeoutSeconds, onTimeout, governedBy, notify },
/// <c>rateLimit</c> { allowed, reason, retryAt }, <c>reasons</c>, <c>policy</c> (the guardrails' fingerprint).</item>
/// <item><c>approval</c> / <c>override</c>: <c>operator</c>, <c>event</c>, <c>message</c>, <c>revision</c>, <c>tier</c> and <c>risk</c>
/// { before, after }, <c>required</c>, <c>approvers</c>, <c>deadline</c>, <c>escalationLevel</c>, <c>enhancedLogging</c>; with enhanced
/// logging also <c>authors</c>, every <c>vote</c> and the full <c>requirement</c>.</item>
/// <item><c>validation</c>: <c>samples</c> [{ subject, before, after }], <c>reasons</c>.</item>
/// <item><c>autonomy</c>, <c>kill-switch</c>, <c>demotion</c>, <c>outcome</c>: <c>message</c>, <c>killSwitch</c>, <c>demotion</c>?.</item>
/// <item><c>policy</c>: <c>fingerprint</c> { before, after }, <c>errors</c>.</item>
/// </list>
/// Execution and rollback records come from the workflow (<see cref="Step"/>), which adds what its driver did.
/// </summary>
public static class AuditRecords
{
    /// <summary>A governance decision.</summary>
    public static AuditRecord Decision(ProposedAction action, GovernanceDecision decision, string actor)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(decision);
        var outcome = Wire(decision.Verdict);
        var detail = new JsonObject
        {
            ["inputs"] = Inputs(action),
            ["twin"] = action.Twin is { } twin ? Twin(twin) : null,
            ["violations"] = new JsonArray([.. decision.Violations.Select(v => (JsonNode)new JsonObject
            {
                ["kind"] = Wire(v.Kind),
                ["effect"] = Wire(v.Effect),
                ["message"] = v.Message,
            })]),
            ["tier"] = BeforeAfter(decision.BaseTier.ToString(), decision.Tier.ToString()),
            ["risk"] = new JsonObject
            {
                ["level"] = Wire(decision.Risk.Level),
                ["score"] = decision.Risk.Score,
                ["factors"] = new JsonArray([.. decision.Risk.Factors.Select(f => (JsonNode)new JsonObject
                {
                    ["factor"] = f.Factor,
                    ["level"] = f.Level,
                    ["points"] = f.Points,
                    ["why"] = f.Why,
                })]),
            },
            ["autonomy"] = new JsonObject
            {
                ["scope"] = decision.Scope.ToString(),
                ["phase"] = Wire(decision.Phase.Phase),
                ["source"] = decision.Phase.Source,
                ["mode"] = Wire(decision.Mode),
                ["killSwitch"] = decision.Verdict == DecisionVerdict.Halted,
            },
            ["approval"] = Requirement(decision.Approval),
            ["rateLimit"] = new JsonObject
            {
                ["allowed"] = decision.RateLimit.Allowed,
                ["reason"] = decision.RateLimit.Reason,
                ["retryAt"] = decision.RateLimit.RetryAt is { } retry ? Time(retry) : null,
            },
            ["reasons"] = Strings(decision.Reasons),
            ["policy"] = decision.PolicyFingerprint,
            ["outcome"] = outcome,
        };
        return AuditRecord.Create(actor, "decision", decision.ActionId, outcome, detail);
    }

    /// <summary>An approval request was opened.</summary>
    public static AuditRecord Opened(ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Approval(null, new ApprovalTransition(request, ApprovalEvent.Opened, request.Requester,
            $"awaiting {request.Requirement.RequiredApprovals} approver(s) until {request.Deadline:O} ({request.Requirement.GovernedBy})"));
    }

    /// <summary>An event on an approval request (refusals too: a refused self-approval is worth recording).</summary>
    /// <param name="before">The request before the event, for tier and risk before/after; null when just opened.</param>
    /// <param name="transition">The event.</param>
    public static AuditRecord Approval(ApprovalRequest? before, ApprovalTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var request = transition.Request;
        var previous = before ?? request;
        var detail = new JsonObject
        {
            ["operator"] = transition.Actor,
            ["event"] = UpperSnake(transition.Event.ToString()),
            ["message"] = transition.Message,
            ["revision"] = request.Revision,
            ["tier"] = BeforeAfter(previous.Tier.ToString(), request.Tier.ToString()),
            ["risk"] = BeforeAfter(Wire(previous.Risk), Wire(request.Risk)),
            ["required"] = request.Requirement.RequiredApprovals,
            ["approvers"] = Strings(request.Approvers),
            ["deadline"] = Time(request.Deadline),
            ["escalationLevel"] = request.EscalationLevel,
            ["enhancedLogging"] = request.EnhancedLogging,
            ["outcome"] = Wire(request.Status),
        };
        if (request.EnhancedLogging)
        {
            detail["authors"] = Strings(request.Authors);
            detail["requirement"] = Requirement(request.Requirement);
            detail["votes"] = new JsonArray([.. request.Votes.Select(v => (JsonNode)new JsonObject
            {
                ["by"] = v.By,
                ["verdict"] = Wire(v.Verdict),
                ["at"] = Time(v.At),
                ["comment"] = v.Comment,
                ["revision"] = v.Revision,
            })]);
        }

        var kind = transition.Event == ApprovalEvent.Overridden ? "override" : "approval";
        return AuditRecord.Create(transition.Actor, kind, request.ActionId, UpperSnake(transition.Event.ToString()), detail);
    }

    /// <summary>A change to the autonomy controls (kill switch, phase, demotion, outcome).</summary>
    public static AuditRecord Autonomy(AutonomyChange change, string actor)
    {
        ArgumentNullException.ThrowIfNull(change);
        var decision = change.Kind switch
        {
            "kill-switch" => change.State.KillSwitch ? "ENGAGED" : "RELEASED",
            "demotion" => "DEMOTED",
            "outcome" => "RECORDED",
            _ => "PHASE_SET",
        };
        var detail = new JsonObject
        {
            ["message"] = change.Message,
            ["killSwitch"] = change.State.KillSwitch,
            ["outcome"] = decision,
        };
        if (change.Demotion is { } demotion)
        {
            detail["demotion"] = new JsonObject
            {
                ["scope"] = demotion.Scope.ToString(),
                ["accuracy"] = demotion.Accuracy,
                ["falsePositiveRate"] = demotion.FalsePositiveRate,
                ["samples"] = demotion.Samples,
                ["reason"] = demotion.Reason,
            };
        }

        return AuditRecord.Create(actor, change.Kind, null, decision, detail);
    }

    /// <summary>A guardrails reload (file change or <c>PUT /guardrails</c>), accepted or refused.</summary>
    public static AuditRecord Policy(string actor, GuardrailsReload reload, string previousFingerprint)
    {
        ArgumentNullException.ThrowIfNull(reload);
        var outcome = reload.Accepted ? "ACCEPTED" : "REJECTED";
        var detail = new JsonObject
        {
            ["fingerprint"] = BeforeAfter(previousFingerprint, reload.Policy.Fingerprint),
            ["errors"] = Strings(reload.Errors.Select(e => e.ToString())),
            ["outcome"] = outcome,
        };
        return AuditRecord.Create(actor, "policy", null, outcome, detail);
    }

    /// <summary>An API key added or deleted: who did it, the key's name and roles — never the key or its hash.</summary>
    /// <param name="actor">The admin who asked.</param>
    /// <param name="name">The key's name.</param>
    /// <param name="decision"><c>CREATED</c> or <c>DELETED</c>.</param>
    /// <param name="roles">The roles the key grants (empty for a deletion).</param>
    public static AuditRecord ApiKey(string actor, string name, string decision, IEnumerable<string> roles) =>
        AuditRecord.Create(actor, "api-key", null, decision, new JsonObject { ["name"] = name, ["roles"] = Strings(roles) });

    /// <summary>A workflow step (<c>execution</c>, <c>rollback</c>…) with the workflow's own detail.</summary>
    /// <param name="kind">The record kind.</param>
    /// <param name="actionId">The action.</param>
    /// <param name="actor">Who (the resolver's identity, or the operator who asked for a rollback).</param>
    /// <param name="decision">The outcome in one word, e.g. <c>APPLIED</c>, <c>ROLLED_BACK</c>, <c>FAILED</c>.</param>
    /// <param name="detail">What the step did (driver, rendered configuration, read-back…); <c>outcome</c> is set to <paramref name="decision"/>.</param>
    public static AuditRecord Step(string kind, string actionId, string actor, string decision, JsonObject? detail = null)
    {
        var body = detail is null ? new JsonObject() : (JsonObject)detail.DeepClone();
        body["outcome"] = decision;
        return AuditRecord.Create(actor, kind, actionId, decision, body);
    }

    private static JsonObject Inputs(ProposedAction action)
    {
        var inputs = new JsonObject
        {
            ["router"] = action.Router,
            ["action"] = action.Action,
            ["params"] = Parameters(action.Parameters ?? new ActionParameters()),
            ["confidence"] = double.IsFinite(action.Confidence) ? action.Confidence : null,
            ["requester"] = action.Requester,
            ["domain"] = action.Domain,
            ["deviceClass"] = action.DeviceClass,
        };
        if (action.DataSensitivity is not null)
        {
            inputs["dataSensitivity"] = action.DataSensitivity;
        }

        if (action.Compliance is not null)
        {
            inputs["compliance"] = action.Compliance;
        }

        return inputs;
    }

    private static JsonObject Parameters(ActionParameters p)
    {
        var result = new JsonObject();
        void Put(string name, JsonNode? value)
        {
            if (value is not null)
            {
                result[name] = value;
            }
        }

        Put("peer", p.Peer);
        Put("direction", p.Direction);
        Put("prefixes", p.Prefixes is { } prefixes ? Strings(prefixes) : null);
        Put("localPref", p.LocalPref);
        Put("med", p.Med);
        Put("prependCount", p.PrependCount);
        Put("prependAs", p.PrependAs);
        Put("community", p.Community);
        Put("mode", p.Mode);
        Put("nextHop", p.NextHop);
        return result;
    }

    private static JsonObject Twin(TwinVerdict twin) => new()
    {
        ["passed"] = twin.Passed,
        ["prefixShare"] = Finite(twin.PrefixShare),
        ["trafficShare"] = twin.TrafficShare is { } share ? Finite(share) : null,
        ["blast"] = Finite(twin.Blast),
        ["routers"] = Strings(twin.Routers),
        ["errors"] = Strings(twin.Errors),
        ["warnings"] = Strings(twin.Warnings),
        ["asymmetric"] = twin.Asymmetric.Length,
        ["slaBreaches"] = Strings(twin.SlaBreaches),
    };

    private static JsonObject Requirement(ApprovalRequirement requirement) => new()
    {
        ["required"] = requirement.RequiredApprovals,
        ["timeoutSeconds"] = requirement.Timeout.TotalSeconds,
        ["onTimeout"] = Wire(requirement.OnTimeout),
        ["governedBy"] = requirement.GovernedBy,
        ["notify"] = requirement.Notify,
    };

    private static JsonObject BeforeAfter(string before, string after) => new() { ["before"] = before, ["after"] = after };

    private static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)JsonValue.Create(i))]);

    private static JsonNode? Finite(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    // The enums carry their wire names (JsonStringEnumMemberName); the serializer is the one place that knows them.
    private static string Wire<T>(T value)
        where T : struct, Enum => JsonSerializer.SerializeToElement(value).GetString()!;

    private static string UpperSnake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
