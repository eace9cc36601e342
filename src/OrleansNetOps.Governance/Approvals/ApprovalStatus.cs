using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Approvals;

/// <summary>Where an approval request stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApprovalStatus>))]
public enum ApprovalStatus
{
    /// <summary>Waiting for answers (possibly escalated).</summary>
    Pending,

    /// <summary>Enough distinct approvers said yes.</summary>
    Approved,

    /// <summary>The window closed and the rules let the change apply on its own.</summary>
    AutoApproved,

    /// <summary>Granted by an emergency override (enhanced logging).</summary>
    Overridden,

    /// <summary>Someone said no.</summary>
    Rejected,

    /// <summary>The window (and every escalation) closed without a grant.</summary>
    Expired,

    /// <summary>A modification produced a plan that is blocked.</summary>
    Blocked,
}
