using Microsoft.ML.Data;

namespace OrleansNetOps.Assistant.Learning;

/// <summary>
/// What the planner knows about one candidate action when it chooses: the incident (scenario) as the twin sees it, and
/// the twin's what-if of the candidate. <see cref="Reward"/> is the label: the reward the twin's predicted outcome gives.
/// </summary>
public sealed class CandidateFeatures
{
    /// <summary>The episode the candidate belongs to (ranking group).</summary>
    public uint Episode { get; set; }

    /// <summary>One-hot action kind: move off, move onto, prepend, no action.</summary>
    [VectorType(4)]
    public float[] Kind { get; set; } = new float[4];

    /// <summary>Utilisation of the candidate's ISP before acting.</summary>
    public float IspUtilisation { get; set; }

    /// <summary>Highest ISP utilisation before acting.</summary>
    public float MaxUtilisation { get; set; }

    /// <summary>Highest ISP utilisation the twin predicts after the candidate.</summary>
    public float MaxUtilisationAfter { get; set; }

    /// <summary>The candidate ISP's latency (ms) and loss (%), and its cost per GB.</summary>
    public float IspLatency { get; set; }

    /// <summary>The candidate ISP's loss.</summary>
    public float IspLoss { get; set; }

    /// <summary>The candidate ISP's cost per GB.</summary>
    public float IspCost { get; set; }

    /// <summary>Whether the candidate's session is down in the scenario.</summary>
    public float SessionDown { get; set; }

    /// <summary>Twin: share of prefixes whose path changes.</summary>
    public float Blast { get; set; }

    /// <summary>Twin: SLA breaches predicted after.</summary>
    public float Breaches { get; set; }

    /// <summary>Twin: blackholes after.</summary>
    public float Blackholes { get; set; }

    /// <summary>The label.</summary>
    public float Reward { get; set; }
}
