using System.Text.Json.Serialization;

namespace OrleansNetOps.Planning.Workflow;

/// <summary>
/// The side effect a transition asks for. A checkpoint is persisted first, then its effect runs; an effect is written
/// so that running it again after a crash changes nothing twice (the executor reads the device before it applies).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowEffect>))]
public enum WorkflowEffect
{
    /// <summary>Nothing to do.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Read the fault and the network's state (read-only).</summary>
    [JsonStringEnumMemberName("analyze")]
    Analyze,

    /// <summary>Propose, prove on the twin, score, choose and decide (read-only towards the network).</summary>
    [JsonStringEnumMemberName("plan")]
    Plan,

    /// <summary>Open (or re-open after a modification) the approval request and schedule its window.</summary>
    [JsonStringEnumMemberName("await-approval")]
    AwaitApproval,

    /// <summary>Snapshot the device, apply what is missing, read back.</summary>
    [JsonStringEnumMemberName("execute")]
    Execute,

    /// <summary>Wait for the network to settle, measure, judge with the SLA verifier.</summary>
    [JsonStringEnumMemberName("verify")]
    Verify,

    /// <summary>Restore the snapshots taken before the change.</summary>
    [JsonStringEnumMemberName("roll-back")]
    RollBack,

    /// <summary>Release leases, tell the incident and the coordinator, stop the reminders.</summary>
    [JsonStringEnumMemberName("finish")]
    Finish,
}
