namespace OrleansNetOps.Grains.Learning;

/// <summary>The learning grain's persisted state: every run, the models by version, and which one is in production.</summary>
[GenerateSerializer]
public sealed class LearningState
{
    /// <summary>Runs, oldest first.</summary>
    [Id(0)]
    public List<LearningRun> Runs { get; set; } = [];

    /// <summary>Saved ML.NET models by version (base64 keeps the stored JSON plain).</summary>
    [Id(1)]
    public Dictionary<int, string> Models { get; set; } = [];

    /// <summary>The production version; 0 is the rule-based planner.</summary>
    [Id(2)]
    public int ProductionVersion { get; set; }
}
