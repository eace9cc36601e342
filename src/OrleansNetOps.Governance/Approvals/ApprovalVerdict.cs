using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Approvals;

/// <summary>A person's answer to an approval request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApprovalVerdict>))]
public enum ApprovalVerdict
{
    /// <summary>Yes.</summary>
    [JsonStringEnumMemberName("approve")]
    Approve,

    /// <summary>No.</summary>
    [JsonStringEnumMemberName("reject")]
    Reject,

    /// <summary>Yes, alone, as an emergency.</summary>
    [JsonStringEnumMemberName("override")]
    Override,
}
