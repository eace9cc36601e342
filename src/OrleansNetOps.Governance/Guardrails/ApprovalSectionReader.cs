using OrleansNetOps.Configuration;
using OrleansNetOps.Governance.Approvals;

namespace OrleansNetOps.Governance.Guardrails;

/// <summary>Reads <c>approval</c>: a rule per tier and per risk level, escalations, emergency override.</summary>
internal static class ApprovalSectionReader
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(30);

    public static ApprovalPolicy Read(YamlSection section, ApprovalPolicy defaults)
    {
        var tiers = section.Section("tiers");
        var t1 = Rule(tiers.Section("T1"), defaults.T1, minApprovers: 1, mayApproveOnTimeout: true);
        var t2 = Rule(tiers.Section("T2"), defaults.T2, minApprovers: 1, mayApproveOnTimeout: true);
        var t3 = Rule(tiers.Section("T3"), defaults.T3, minApprovers: 1, mayApproveOnTimeout: false, why: "T3 is manual");
        tiers.Finish();

        var risk = section.Section("risk");
        var low = Rule(risk.Section("LOW"), defaults.Low, minApprovers: 0, mayApproveOnTimeout: true);
        var medium = Rule(risk.Section("MEDIUM"), defaults.Medium, minApprovers: 0, mayApproveOnTimeout: true);
        var high = Rule(risk.Section("HIGH"), defaults.High, minApprovers: 1, mayApproveOnTimeout: false, why: "a HIGH change is never applied without an answer");
        var critical = Rule(risk.Section("CRITICAL"), defaults.Critical, minApprovers: 2, mayApproveOnTimeout: false,
            why: "a CRITICAL change is never applied without an answer", multiParty: true);
        risk.Finish();

        var maxEscalations = section.Int("maxEscalations", defaults.MaxEscalations, 0, 10);
        var overrideSection = section.Section("emergencyOverride");
        var emergency = new EmergencyOverridePolicy(
            overrideSection.Bool("enabled", defaults.EmergencyOverride.Enabled),
            overrideSection.Int("minJustification", defaults.EmergencyOverride.MinJustificationLength, 1, 10_000));
        overrideSection.Finish();
        section.Finish();
        return new ApprovalPolicy
        {
            T1 = t1,
            T2 = t2,
            T3 = t3,
            Low = low,
            Medium = medium,
            High = high,
            Critical = critical,
            MaxEscalations = maxEscalations,
            EmergencyOverride = emergency,
        };
    }

    private static ApprovalRule Rule(YamlSection section, ApprovalRule defaults, int minApprovers, bool mayApproveOnTimeout, string? why = null, bool multiParty = false)
    {
        var approvers = section.Int("approvers", defaults.Approvers, 0, 20);
        if (approvers < minApprovers)
        {
            section.Report(section.Value("approvers")!, section.Child("approvers"),
                multiParty ? $"{approvers}: CRITICAL needs several distinct approvers (at least {minApprovers})" : $"{approvers} is below {minApprovers}");
        }

        var timeout = YamlFields.Duration(section, "timeout", defaults.Timeout, TimeSpan.Zero, MaxTimeout);
        if (approvers > 0 && timeout <= TimeSpan.Zero)
        {
            section.Report(section.Value("timeout") ?? section.Anchor, section.Child("timeout"), "a rule with approvers needs a timeout above 0");
        }

        var onTimeout = section.Enum("onTimeout", defaults.OnTimeout);
        if (!mayApproveOnTimeout && onTimeout == TimeoutOutcome.Approve)
        {
            section.Report(section.Value("onTimeout")!, section.Child("onTimeout"), $"approve is not allowed here: {why}");
        }

        var notify = section.Bool("notify", defaults.Notify);
        section.Finish();
        return new ApprovalRule(approvers, timeout, onTimeout, notify);
    }
}
