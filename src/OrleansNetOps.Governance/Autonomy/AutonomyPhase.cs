using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Autonomy;

/// <summary>How much the system may do on its own in a scope (seed 000's phases), ordered from least to most.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AutonomyPhase>))]
public enum AutonomyPhase
{
    /// <summary>Phase 1: recommend only; a person approves every change.</summary>
    [JsonStringEnumMemberName("passive")]
    Passive,

    /// <summary>Phase 2: pre-approved low-risk (T1) changes run on their own.</summary>
    [JsonStringEnumMemberName("semi")]
    Semi,

    /// <summary>Phase 3: twin-validated changes run on their own (T1) or on timeout (T2).</summary>
    [JsonStringEnumMemberName("autonomous")]
    Autonomous,
}
