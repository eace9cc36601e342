namespace OrleansNetOps.Grains.Incidents;

/// <summary>What a domain's intake persists.</summary>
[GenerateSerializer]
public sealed class IncidentIntakeState
{
    /// <summary>Its correlator's state (JSON of <c>CorrelatorState</c>), or null before the first finding.</summary>
    [Id(0)]
    public string? Correlator { get; set; }

    /// <summary>The domain's incident ids, oldest first (bounded).</summary>
    [Id(1)]
    public List<string> Incidents { get; set; } = [];
}
