using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Autonomy;

/// <summary>How an action the system took (or recommended) turned out, for the scope's track record.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutcomeKind>))]
public enum OutcomeKind
{
    /// <summary>Verified and kept, or a reviewer agreed: counts 1 toward accuracy.</summary>
    [JsonStringEnumMemberName("correct")]
    Correct,

    /// <summary>A reviewer partly agreed: counts 0.3 toward accuracy (SPEC §5's weight).</summary>
    [JsonStringEnumMemberName("partial")]
    Partial,

    /// <summary>Rolled back by the SLA verifier, or a reviewer disagreed: counts 0.</summary>
    [JsonStringEnumMemberName("incorrect")]
    Incorrect,

    /// <summary>The finding behind it was not a real problem: counts 0 and toward the false-positive rate.</summary>
    [JsonStringEnumMemberName("falsePositive")]
    FalsePositive,
}
