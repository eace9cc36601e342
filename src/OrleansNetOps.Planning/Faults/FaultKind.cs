using System.Text.Json.Serialization;

namespace OrleansNetOps.Planning.Faults;

/// <summary>What sort of trouble a plan is for; each kind has its own candidates in <see cref="Candidates.CandidateCatalogue"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    /// <summary>Traffic toward an ISP is at or near its capacity (measured or forecast).</summary>
    [JsonStringEnumMemberName("congestion")]
    Congestion,

    /// <summary>Latency or loss toward an ISP is out of bounds without the link being full.</summary>
    [JsonStringEnumMemberName("path-degradation")]
    PathDegradation,

    /// <summary>A BGP session (and usually its link) is down or flapping.</summary>
    [JsonStringEnumMemberName("session-down")]
    SessionDown,

    /// <summary>A neighbour sends routes it should not (a valley-free violation).</summary>
    [JsonStringEnumMemberName("route-leak")]
    RouteLeak,

    /// <summary>Someone else originates our prefixes or more-specifics of them.</summary>
    [JsonStringEnumMemberName("hijack")]
    Hijack,

    /// <summary>Anything else: the plan is to observe.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}
