using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Approvals;

/// <summary>What happens when an approval window closes without enough answers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimeoutOutcome>))]
public enum TimeoutOutcome
{
    /// <summary>The change is applied (T2's approve-or-timeout), where the autonomy phase allows it.</summary>
    [JsonStringEnumMemberName("approve")]
    Approve,

    /// <summary>The request goes up the escalation chain with a fresh window; after the last escalation it expires.</summary>
    [JsonStringEnumMemberName("escalate")]
    Escalate,

    /// <summary>The request lapses; nothing is applied.</summary>
    [JsonStringEnumMemberName("expire")]
    Expire,
}
