using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Risk;

/// <summary>The risk classifier's verdict (seed 003), ordered from least to most guarded.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RiskLevel>))]
public enum RiskLevel
{
    /// <summary>Automatic, logged.</summary>
    [JsonStringEnumMemberName("LOW")]
    Low,

    /// <summary>Automatic, with a notification.</summary>
    [JsonStringEnumMemberName("MEDIUM")]
    Medium,

    /// <summary>One approver; after the timeout, escalation.</summary>
    [JsonStringEnumMemberName("HIGH")]
    High,

    /// <summary>Several distinct approvers.</summary>
    [JsonStringEnumMemberName("CRITICAL")]
    Critical,
}
