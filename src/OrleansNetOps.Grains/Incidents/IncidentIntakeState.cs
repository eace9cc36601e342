namespace OrleansNetOps.Grains.Incidents;

/// <summary>What a domain's intake persists: its incident index.</summary>
[GenerateSerializer]
public sealed class IncidentIntakeState
{
    /// <summary>The domain's incident ids, oldest first (bounded).</summary>
    [Id(0)]
    public List<string> Incidents { get; set; } = [];
}
