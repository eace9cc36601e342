namespace OrleansNetOps.Silo.Assistant;

/// <summary>What governance would decide for a proposed change: verdict (<c>BLOCKED</c>, <c>AWAIT_APPROVAL</c>…), tier, risk, violations, reasons.</summary>
internal sealed record IntentGovernance(string Verdict, string Tier, string Risk, int RequiredApprovals,
    IReadOnlyList<string> Violations, IReadOnlyList<string> Reasons);
