using Orleans;
using Orleans.Runtime;

namespace OrleansNetOps.Postgres.Tests.Orleans;

public interface IPulseGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task<int> GetTicksAsync();
}

[GenerateSerializer]
public sealed class PulseState
{
    [Id(0)]
    public int Ticks { get; set; }
}

/// <summary>Counts its reminder's ticks in grain storage, so the count outlives every silo.</summary>
public sealed class PulseGrain([PersistentState("pulse")] IPersistentState<PulseState> state) : Grain, IPulseGrain, IRemindable
{
    public async Task StartAsync(TimeSpan period) => await this.RegisterOrUpdateReminder("pulse", period, period);

    public Task<int> GetTicksAsync() => Task.FromResult(state.State.Ticks);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
