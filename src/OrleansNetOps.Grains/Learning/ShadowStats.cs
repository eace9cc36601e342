namespace OrleansNetOps.Grains.Learning;

/// <summary>
/// <c>GET /api/v1/shadow/stats</c>. Agreement is the share of reviewed decisions answered <c>agree</c> (partial counts
/// as not agreeing; its +0.3 shows in <see cref="RewardAvg"/>). Null where nothing was reviewed.
/// </summary>
/// <param name="TotalDecisions">Recommendations seen (forwarded or not).</param>
/// <param name="Reviewed">Those with an engineer's verdict.</param>
/// <param name="Agreement">Overall and per tier.</param>
/// <param name="ReadyForProduction">The latest <see cref="ShadowRules.Window"/> reviewed T1 decisions agree at least <see cref="ShadowRules.RequiredAgreement"/>.</param>
/// <param name="RewardAvg">Average feedback reward (+1/+0.3/−1) over reviewed decisions.</param>
/// <param name="NotForwarded">Recommendations the twin failed, withheld from review.</param>
/// <param name="T1Window">Reviewed T1 decisions in the graduation window (at most the window size).</param>
/// <param name="T1WindowAgreement">Agreement within that window.</param>
/// <param name="Graduations">When shadow mode graduated and was demoted, in order.</param>
/// <param name="PerPolicy">Agreement and reward per policy (production vs candidate: the A/B).</param>
[GenerateSerializer, Immutable]
public sealed record ShadowStats(
    int TotalDecisions,
    int Reviewed,
    ShadowAgreement Agreement,
    bool ReadyForProduction,
    double? RewardAvg,
    int NotForwarded,
    int T1Window,
    double? T1WindowAgreement,
    IReadOnlyList<GraduationChange> Graduations,
    IReadOnlyList<PolicyScore> PerPolicy);
