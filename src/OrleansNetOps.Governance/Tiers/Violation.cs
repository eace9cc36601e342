namespace OrleansNetOps.Governance.Tiers;

/// <summary>One thing wrong with a plan and what it does to it.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Effect">Block, or escalate one tier.</param>
/// <param name="Message">For people: what and where, with the values involved.</param>
public sealed record Violation(ViolationKind Kind, ViolationEffect Effect, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{ViolationKinds.Name(Kind)} ({(Effect == ViolationEffect.Block ? "blocks" : "escalates")}): {Message}";
}
