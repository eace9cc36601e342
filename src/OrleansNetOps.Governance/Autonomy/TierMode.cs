using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Autonomy;

/// <summary>What a phase lets a tier do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TierMode>))]
public enum TierMode
{
    /// <summary>Executes without asking (unless the risk level asks for approvers).</summary>
    [JsonStringEnumMemberName("auto")]
    Auto,

    /// <summary>Asks, and applies when the window passes with no answer (the tier's rule decides the window).</summary>
    [JsonStringEnumMemberName("timeout")]
    Timeout,

    /// <summary>Asks a person and never applies on its own: a rule that would approve on timeout escalates instead.</summary>
    [JsonStringEnumMemberName("approve")]
    Approve,
}
