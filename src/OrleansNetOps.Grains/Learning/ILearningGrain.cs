namespace OrleansNetOps.Grains.Learning;

/// <summary>The learned policy's versions of one domain (key: the domain): runs, stored models, the production version.</summary>
public interface ILearningGrain : IGrainWithStringKey
{
    /// <summary>The next model version number.</summary>
    Task<int> NextVersionAsync();

    /// <summary>Stores a run and its model; a promoted run becomes production.</summary>
    Task RecordAsync(LearningRun run, byte[] model);

    /// <summary>Every run, oldest first.</summary>
    Task<IReadOnlyList<LearningRun>> GetRunsAsync();

    /// <summary>The production version and its model (null for the rule-based planner, version 0).</summary>
    Task<(int Version, byte[]? Model)> GetProductionAsync();

    /// <summary>Promotes a stored version after a later check (shadow A/B agreement arrived); records why.</summary>
    Task<LearningRun?> PromoteAsync(int version, string reason);
}
