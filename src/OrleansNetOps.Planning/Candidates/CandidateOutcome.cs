using System.Text.Json.Serialization;

namespace OrleansNetOps.Planning.Candidates;

/// <summary>What became of a candidate.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CandidateOutcome>))]
public enum CandidateOutcome
{
    /// <summary>The best of those that may run: this is the plan.</summary>
    [JsonStringEnumMemberName("chosen")]
    Chosen,

    /// <summary>Allowed, but another candidate ranked higher.</summary>
    [JsonStringEnumMemberName("outranked")]
    Outranked,

    /// <summary>
    /// Governance blocks it: a hard limit (among them a failed what-if — loops, blackholes, overload, invalid params) or
    /// a violation configured to block.
    /// </summary>
    [JsonStringEnumMemberName("blocked")]
    Blocked,
}
