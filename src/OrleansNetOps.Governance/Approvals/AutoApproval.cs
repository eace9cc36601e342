using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Approvals;

/// <summary>Whether, at the end of a window that approves on timeout, the system may apply the change on its own.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AutoApproval>))]
public enum AutoApproval
{
    /// <summary>Yes: the phase of the change's scope still allows it and the kill switch is off.</summary>
    Allowed,

    /// <summary>Not now: the kill switch is engaged. The request stays pending; time it out again once the switch is released.</summary>
    Halted,

    /// <summary>No longer: the scope was demoted (or set to a phase that asks a person); the request escalates instead.</summary>
    Withdrawn,
}
