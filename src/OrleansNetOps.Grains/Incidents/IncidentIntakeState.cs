namespace OrleansNetOps.Grains.Incidents;

/// <summary>What a domain's intake persists: its incident index.</summary>
[GenerateSerializer]
public sealed class IncidentIntakeState
{
    /// <summary>The domain's incident ids, oldest first (bounded).</summary>
    [Id(0)]
    public List<string> Incidents { get; set; } = [];

    /// <summary>
    /// Candidates whose first finding came while an incident of the same cause was still open, and that incident: the
    /// candidate's findings join it instead of opening another (bounded like the index).
    /// </summary>
    [Id(1)]
    public Dictionary<string, string> Joined { get; set; } = new(StringComparer.Ordinal);
}
