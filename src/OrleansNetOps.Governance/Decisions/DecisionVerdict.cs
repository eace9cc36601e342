using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Decisions;

/// <summary>What governance says about a proposal.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionVerdict>))]
public enum DecisionVerdict
{
    /// <summary>Never executable: a hard limit or a violation configured to block.</summary>
    [JsonStringEnumMemberName("BLOCKED")]
    Blocked,

    /// <summary>May execute now without anyone's approval (still through <see cref="ExecutionGate"/>).</summary>
    [JsonStringEnumMemberName("AUTO_EXECUTE")]
    AutoExecute,

    /// <summary>Needs approval: open an approval request with <see cref="GovernanceDecision.Approval"/>.</summary>
    [JsonStringEnumMemberName("AWAIT_APPROVAL")]
    AwaitApproval,

    /// <summary>Would execute on its own, but a rate limit is full: retry at <see cref="GovernanceDecision.RetryAt"/>.</summary>
    [JsonStringEnumMemberName("DEFERRED")]
    Deferred,

    /// <summary>Would execute on its own, but the kill switch is engaged: wait for its release.</summary>
    [JsonStringEnumMemberName("HALTED")]
    Halted,
}
