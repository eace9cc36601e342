using System.Text.Json.Serialization;

namespace OrleansNetOps.Planning.Workflow;

/// <summary>What happened to a workflow; <see cref="ResolverWorkflow"/> says where each leads from each state.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowEvent>))]
public enum WorkflowEvent
{
    /// <summary>The resolver took the action up.</summary>
    [JsonStringEnumMemberName("start")]
    Start,

    /// <summary>The analysis is done.</summary>
    [JsonStringEnumMemberName("analyzed")]
    Analyzed,

    /// <summary>A plan was chosen and may execute without anyone's approval (the gate let it through).</summary>
    [JsonStringEnumMemberName("planned")]
    Planned,

    /// <summary>A plan was chosen and needs approval.</summary>
    [JsonStringEnumMemberName("needs-approval")]
    NeedsApproval,

    /// <summary>No plan may execute: every candidate failed the twin or crossed a hard limit.</summary>
    [JsonStringEnumMemberName("blocked")]
    Blocked,

    /// <summary>The plan's parameters changed while awaiting approval (the approvals start over).</summary>
    [JsonStringEnumMemberName("modified")]
    Modified,

    /// <summary>The approval request was granted (approvers, approve-on-timeout or an emergency override).</summary>
    [JsonStringEnumMemberName("approved")]
    Approved,

    /// <summary>Someone rejected it.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>The approval window (and its escalations) closed without a grant.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired,

    /// <summary>The driver applied the change and read it back.</summary>
    [JsonStringEnumMemberName("applied")]
    Applied,

    /// <summary>The driver failed after it may have changed the device: what it changed must be undone.</summary>
    [JsonStringEnumMemberName("apply-failed")]
    ApplyFailed,

    /// <summary>The SLA verifier is content.</summary>
    [JsonStringEnumMemberName("verified")]
    Verified,

    /// <summary>The SLA verifier wants the change rolled back.</summary>
    [JsonStringEnumMemberName("verification-failed")]
    VerificationFailed,

    /// <summary>An operator asked for the change to be taken back.</summary>
    [JsonStringEnumMemberName("rollback-requested")]
    RollbackRequested,

    /// <summary>The snapshots are restored.</summary>
    [JsonStringEnumMemberName("rolled-back")]
    RolledBack,

    /// <summary>Something failed and nothing on the network needs undoing.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
