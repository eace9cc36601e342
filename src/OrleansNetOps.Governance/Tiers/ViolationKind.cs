using System.Text.Json.Serialization;

namespace OrleansNetOps.Governance.Tiers;

/// <summary>
/// What can be wrong with a plan. The first group are hard limits: they always block and no configuration relaxes
/// them. The second group escalate by default; <c>tiers.violations</c> in <c>guardrails.yaml</c> may turn any of them
/// into a block.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ViolationKind>))]
public enum ViolationKind
{
    /// <summary>Hard: the action is not in the catalogue.</summary>
    [JsonStringEnumMemberName("unknownAction")]
    UnknownAction,

    /// <summary>Hard: the proposal itself is malformed (confidence outside [0, 1], no router, no id).</summary>
    [JsonStringEnumMemberName("invalidInput")]
    InvalidInput,

    /// <summary>Hard: a change that was never proven on the twin.</summary>
    [JsonStringEnumMemberName("twinMissing")]
    TwinMissing,

    /// <summary>Hard: the twin's what-if did not pass (loops, blackholes, policy conflicts, predicted loss above the fail limit, invalid request).</summary>
    [JsonStringEnumMemberName("twinFailed")]
    TwinFailed,

    /// <summary>Hard: a LOCAL_PREF outside <c>localPref.min..max</c>.</summary>
    [JsonStringEnumMemberName("localPrefOutOfRange")]
    LocalPrefOutOfRange,

    /// <summary>Hard: a MED outside <c>med.min..max</c>.</summary>
    [JsonStringEnumMemberName("medOutOfRange")]
    MedOutOfRange,

    /// <summary>Hard: the action removes a protected community.</summary>
    [JsonStringEnumMemberName("protectedCommunityRemoved")]
    ProtectedCommunityRemoved,

    /// <summary>Escalates: the twin predicts asymmetric paths.</summary>
    [JsonStringEnumMemberName("asymmetricPaths")]
    AsymmetricPaths,

    /// <summary>Escalates: the twin predicts an SLA breach (latency or loss above <c>sla</c> on an ISP that carries traffic).</summary>
    [JsonStringEnumMemberName("slaBreach")]
    SlaBreach,

    /// <summary>Escalates: the change pushes an ISP's predicted utilisation up and above <c>floors.utilisationPct</c>.</summary>
    [JsonStringEnumMemberName("utilisationAboveFloor")]
    UtilisationAboveFloor,

    /// <summary>Escalates: the twin raised warnings (caveats such as traffic left without a way out).</summary>
    [JsonStringEnumMemberName("twinWarnings")]
    TwinWarnings,

    /// <summary>Escalates: a community <c>replace</c> whose new set leaves out a protected community (routes that carry one would lose it; the twin blocks it where it sees that happen).</summary>
    [JsonStringEnumMemberName("communityReplace")]
    CommunityReplace,
}
