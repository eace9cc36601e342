namespace OrleansNetOps.Grains.Coordination;

/// <summary>What a guardrails change did.</summary>
public enum GuardrailsChangeOutcome
{
    /// <summary>Valid and new: in force, audited ACCEPTED.</summary>
    Accepted,

    /// <summary>Invalid: the policy in force stays, audited REJECTED.</summary>
    Rejected,

    /// <summary>The text is the policy in force: nothing applied, nothing audited.</summary>
    Unchanged,

    /// <summary>A start-up file the cluster has already seen: the stored policy stays, nothing audited.</summary>
    Stale,
}
