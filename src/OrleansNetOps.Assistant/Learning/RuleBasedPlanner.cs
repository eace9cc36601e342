namespace OrleansNetOps.Assistant.Learning;

/// <summary>
/// The planner the learned policy starts from: when an ISP runs above 85 % utilisation, move traffic off the most
/// utilised ISP (LOCAL_PREF 50 on a session to it); otherwise leave BGP to converge (no action).
/// </summary>
public static class RuleBasedPlanner
{
    /// <summary>The rule's choice among an episode's candidates.</summary>
    public static Candidate Choose(Episode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        var idle = episode.Candidates.Single(c => c.Change.Action == "NO_ACTION");
        if (idle.Features.MaxUtilisation < 0.85)
        {
            return idle;
        }

        var moveOff = episode.Candidates
            .Where(c => c.Features.Kind[0] == 1 && c.Features.SessionDown == 0 && c.Reward > -1.0)
            .OrderByDescending(c => c.Features.IspUtilisation)
            .FirstOrDefault();
        return moveOff ?? idle;
    }
}
