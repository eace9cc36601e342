using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Approvals;

/// <summary>What an approval transition did (the audit record's <c>decision</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApprovalEvent>))]
public enum ApprovalEvent
{
    /// <summary>The request was opened.</summary>
    Opened,

    /// <summary>An approval was counted; more are needed.</summary>
    Voted,

    /// <summary>The last needed approval arrived.</summary>
    Approved,

    /// <summary>Someone rejected it.</summary>
    Rejected,

    /// <summary>The parameters changed: approvals reset, requirements kept or tightened.</summary>
    Modified,

    /// <summary>An emergency override granted it.</summary>
    Overridden,

    /// <summary>The window closed and the change may apply on its own.</summary>
    AutoApproved,

    /// <summary>The window closed and the request went up the escalation chain.</summary>
    Escalated,

    /// <summary>The window closed for good.</summary>
    Expired,

    /// <summary>The window closed while the kill switch was engaged; nothing changed.</summary>
    Held,

    /// <summary>A modification produced a blocked plan; the request is closed.</summary>
    Blocked,

    /// <summary>The attempt was refused (self-approval, a second vote, a closed request…); nothing changed.</summary>
    Refused,
}
