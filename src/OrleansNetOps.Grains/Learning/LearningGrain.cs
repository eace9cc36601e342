namespace OrleansNetOps.Grains.Learning;

/// <summary>Keeps every training run and its model in grain state (PostgreSQL when configured), so versions survive and reload.</summary>
public sealed class LearningGrain([PersistentState("learning", "Default")] IPersistentState<LearningState> state) : Grain, ILearningGrain
{
    /// <inheritdoc />
    public Task<int> NextVersionAsync() => Task.FromResult(state.State.Runs.Select(r => r.ModelVersion).DefaultIfEmpty().Max() + 1);

    /// <inheritdoc />
    public async Task RecordAsync(LearningRun run, byte[] model)
    {
        ArgumentNullException.ThrowIfNull(run);
        state.State.Runs.Add(run);
        state.State.Models[run.ModelVersion] = Convert.ToBase64String(model);
        if (run.Promoted)
        {
            state.State.ProductionVersion = run.ModelVersion;
        }

        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LearningRun>> GetRunsAsync() => Task.FromResult<IReadOnlyList<LearningRun>>([.. state.State.Runs]);

    /// <inheritdoc />
    public Task<(int Version, byte[]? Model)> GetProductionAsync()
    {
        var version = state.State.ProductionVersion;
        return Task.FromResult((version, state.State.Models.TryGetValue(version, out var model) ? Convert.FromBase64String(model) : null));
    }

    /// <inheritdoc />
    public async Task<LearningRun?> PromoteAsync(int version, string reason)
    {
        var index = state.State.Runs.FindIndex(r => r.ModelVersion == version);
        if (index < 0)
        {
            return null;
        }

        var run = state.State.Runs[index] with { Promoted = true, Reason = reason };
        state.State.Runs[index] = run;
        state.State.ProductionVersion = version;
        await state.WriteStateAsync();
        return run;
    }
}
