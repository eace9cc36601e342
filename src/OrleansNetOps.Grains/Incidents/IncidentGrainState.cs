namespace OrleansNetOps.Grains.Incidents;

/// <summary>What an incident grain persists: its record as JSON (empty before it opens).</summary>
[GenerateSerializer]
public sealed class IncidentGrainState
{
    /// <summary>The <see cref="IncidentRecord"/> as JSON.</summary>
    [Id(0)]
    public string Json { get; set; } = string.Empty;
}
