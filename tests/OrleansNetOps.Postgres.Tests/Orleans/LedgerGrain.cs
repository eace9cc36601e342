using Orleans;
using Orleans.Runtime;

namespace OrleansNetOps.Postgres.Tests.Orleans;

public interface ILedgerGrain : IGrainWithStringKey
{
    Task<LedgerState> AddAsync(string note);

    Task<LedgerState> GetAsync();

    Task ClearAsync();
}

[GenerateSerializer]
public sealed class LedgerState
{
    [Id(0)]
    public int Count { get; set; }

    [Id(1)]
    public List<string> Notes { get; set; } = [];

    [Id(2)]
    public DateTimeOffset? LastAt { get; set; }
}

public sealed class LedgerGrain([PersistentState("ledger")] IPersistentState<LedgerState> state) : Grain, ILedgerGrain
{
    public async Task<LedgerState> AddAsync(string note)
    {
        state.State.Count++;
        state.State.Notes.Add(note);
        state.State.LastAt = new DateTimeOffset(2026, 12, 6, 1, 2, 3, TimeSpan.Zero);
        await state.WriteStateAsync();
        return state.State;
    }

    public Task<LedgerState> GetAsync() => Task.FromResult(state.State);

    public Task ClearAsync() => state.ClearStateAsync();
}
