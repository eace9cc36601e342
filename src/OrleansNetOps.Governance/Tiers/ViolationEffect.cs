using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Tiers;

/// <summary>What a violation does to a plan.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ViolationEffect>))]
public enum ViolationEffect
{
    /// <summary>Raises the tier by one (T1→T2→T3); the plan may still run with the approvals that tier asks for.</summary>
    [JsonStringEnumMemberName("escalate")]
    Escalate,

    /// <summary>The plan is never executable, whatever anyone approves.</summary>
    [JsonStringEnumMemberName("block")]
    Block,
}
