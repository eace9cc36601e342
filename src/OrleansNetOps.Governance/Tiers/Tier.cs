using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Tiers;

/// <summary>
/// How much human involvement a change needs (SPEC §4). Ordered: a higher value is never less guarded, so escalation
/// is a move up this order and nothing ever moves a change down it.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Tier>))]
public enum Tier
{
    /// <summary>Automatic: small blast radius, high confidence.</summary>
    T1 = 1,

    /// <summary>Approve-or-timeout: applied when the approval window passes without an answer (where the phase allows).</summary>
    T2 = 2,

    /// <summary>Manual: a person must approve.</summary>
    T3 = 3,
}
