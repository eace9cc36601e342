using System.Text.Json.Serialization;

namespace OrleansNetOps.Planning.Workflow;

/// <summary>Where a resolver's workflow stands (SPEC §3); the API's <c>state</c> of an action, spelled as here.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowState>))]
public enum WorkflowState
{
    /// <summary>Created; nothing looked at yet.</summary>
    [JsonStringEnumMemberName("INITIATED")]
    Initiated,

    /// <summary>Reading the fault, the network and its measurements.</summary>
    [JsonStringEnumMemberName("ANALYZING")]
    Analyzing,

    /// <summary>Proposing candidates, proving them on the twin, scoring them and asking governance.</summary>
    [JsonStringEnumMemberName("PLANNING")]
    Planning,

    /// <summary>Waiting for people (or for an approval window to close).</summary>
    [JsonStringEnumMemberName("AWAITING_APPROVAL")]
    AwaitingApproval,

    /// <summary>The driver is applying the change.</summary>
    [JsonStringEnumMemberName("EXECUTING")]
    Executing,

    /// <summary>Applied; the SLA verifier compares before with after.</summary>
    [JsonStringEnumMemberName("VALIDATING")]
    Validating,

    /// <summary>Applied and verified.</summary>
    [JsonStringEnumMemberName("COMPLETED")]
    Completed,

    /// <summary>Applied, then taken back (verification failed, the apply failed half-way, or an operator asked).</summary>
    [JsonStringEnumMemberName("ROLLED_BACK")]
    RolledBack,

    /// <summary>Stopped by an error; see the last checkpoint's reason.</summary>
    [JsonStringEnumMemberName("FAILED")]
    Failed,

    /// <summary>Someone said no, or the approval window closed without a grant.</summary>
    [JsonStringEnumMemberName("REJECTED")]
    Rejected,

    /// <summary>No candidate passed the twin and the guardrails; nothing will be executed.</summary>
    [JsonStringEnumMemberName("BLOCKED")]
    Blocked,
}
