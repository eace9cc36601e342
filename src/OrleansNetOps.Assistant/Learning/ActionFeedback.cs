namespace OrleansNetOps.Assistant.Learning;

/// <summary>An engineer's judgement of one recommendation seen in shadow mode, as a reward.</summary>
/// <param name="Action">The catalogue action recommended, e.g. <c>LOCAL_PREF_ADJUST</c>.</param>
/// <param name="Reward">The verdict's reward: agree +1, partial +0.3, disagree −1.</param>
public sealed record ActionFeedback(string Action, double Reward);
