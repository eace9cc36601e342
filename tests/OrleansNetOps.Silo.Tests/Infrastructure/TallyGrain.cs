
namespace OrleansNetOps.Silo.Tests.Infrastructure;

/// <summary>A persisted counter: one grain call and one state write per <see cref="AddAsync"/>.</summary>
public sealed class TallyGrain([PersistentState("tally")] IPersistentState<TallyState> state) : Grain, ITallyGrain
{
    public async Task<int> AddAsync()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }
}
