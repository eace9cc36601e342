namespace OrleansNetOps.Grains.Analysis;

/// <summary>What a domain's correlator keeps across activations, as JSON of the domain records.</summary>
[GenerateSerializer]
public sealed class FindingCorrelatorState
{
    /// <summary>The correlator's state (JSON of <c>CorrelatorState</c>), or null before the first finding.</summary>
    [Id(0)]
    public string? Correlator { get; set; }

    /// <summary>Recent findings, oldest first (JSON array of <c>Finding</c>).</summary>
    [Id(1)]
    public string? Findings { get; set; }

    /// <summary>Recently closed candidates, oldest first (JSON array of <c>IncidentCandidate</c>).</summary>
    [Id(2)]
    public string? Closed { get; set; }
}
