namespace OrleansNetOps.Governance.Approvals;

/// <summary>What a change needs before it may execute.</summary>
/// <param name="RequiredApprovals">Distinct approvers needed, none of them an author of the change; 0 means none.</param>
/// <param name="Timeout">The approval window.</param>
/// <param name="OnTimeout">What the end of the window does.</param>
/// <param name="MaxEscalations">How many times the request escalates before it expires.</param>
/// <param name="Notify">Whether people are told even when nothing is asked of them.</param>
/// <param name="GovernedBy">Which rule set the window, e.g. <c>T2</c> or <c>CRITICAL</c>; empty when nothing is required.</param>
public sealed record ApprovalRequirement(int RequiredApprovals, TimeSpan Timeout, TimeoutOutcome OnTimeout, int MaxEscalations, bool Notify, string GovernedBy)
{
    /// <summary>Nothing to approve.</summary>
    public static ApprovalRequirement None { get; } = new(0, TimeSpan.Zero, TimeoutOutcome.Expire, 0, false, string.Empty);

    /// <summary>
    /// Combines rules: the most approvers any rule asks for, and the window of the strictest rule that asks for any —
    /// most approvers first, then a rule that does not approve on timeout over one that does, then the longer window.
    /// So a change is applied on timeout only when every rule that wants an approver agrees to that.
    /// </summary>
    public static ApprovalRequirement Combine(IEnumerable<(string Name, ApprovalRule Rule)> rules, int maxEscalations)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        var notify = list.Any(r => r.Rule.Notify);
        var governing = list
            .Where(r => r.Rule.Approvers > 0)
            .OrderByDescending(r => r.Rule.Approvers)
            .ThenByDescending(r => r.Rule.OnTimeout != TimeoutOutcome.Approve)
            .ThenByDescending(r => r.Rule.Timeout)
            .Select(r => ((string Name, ApprovalRule Rule)?)r)
            .FirstOrDefault();
        return governing is not { } g
            ? None with { Notify = notify }
            : new ApprovalRequirement(g.Rule.Approvers, g.Rule.Timeout, g.Rule.OnTimeout, maxEscalations, notify, g.Name);
    }

    /// <summary>The stricter of two requirements, by <see cref="Combine"/>'s order (a modified plan never needs less than before).</summary>
    public static ApprovalRequirement Tighten(ApprovalRequirement a, ApprovalRequirement b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var combined = Combine(
        [
            (a.GovernedBy, new ApprovalRule(a.RequiredApprovals, a.Timeout, a.OnTimeout, a.Notify)),
            (b.GovernedBy, new ApprovalRule(b.RequiredApprovals, b.Timeout, b.OnTimeout, b.Notify)),
        ], Math.Max(a.MaxEscalations, b.MaxEscalations));
        return combined;
    }
}
