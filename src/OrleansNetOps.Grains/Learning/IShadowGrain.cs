namespace OrleansNetOps.Grains.Learning;

/// <summary>
/// Shadow mode of one domain (key: the domain): every recommendation from the live feed's <c>action</c> events, the
/// engineers' verdicts on them, agreement per tier and the graduation to production.
/// </summary>
public interface IShadowGrain : IGrainWithStringKey
{
    /// <summary>Records an engineer's verdict on an action.</summary>
    Task<FeedbackOutcome> FeedbackAsync(string actionId, ShadowVerdict verdict, string? comment, string reviewer);

    /// <summary>The statistics of <c>GET /api/v1/shadow/stats</c>.</summary>
    Task<ShadowStats> GetStatsAsync();

    /// <summary>Every decision recorded (the learning side trains on the reviewed ones).</summary>
    Task<IReadOnlyList<ShadowDecision>> GetDecisionsAsync();
}
