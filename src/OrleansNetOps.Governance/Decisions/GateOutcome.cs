using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Decisions;

/// <summary>The answer of the gate in front of every side effect.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateOutcome>))]
public enum GateOutcome
{
    /// <summary>Execute now (the rate-limit slot is taken).</summary>
    Proceed,

    /// <summary>Not now: awaiting approval, the kill switch, or a full rate limit; ask again later.</summary>
    Wait,

    /// <summary>Never on this decision: blocked, rejected, expired, or the grounds changed (re-decide).</summary>
    Refuse,
}
