using System.Collections.Concurrent;

namespace OrleansNetOps.Runtime.Postgres.Tests.Silo;

public sealed class SlaCheckState
{
    public List<string> Checks { get; set; } = [];
}

public interface ISlaCheckGrain : IGrainWithStringKey, IRemindable
{
    Task ScheduleAsync(TimeSpan due, TimeSpan period);

    Task RecordAsync(string check);

    Task<IReadOnlyList<string>> ChecksAsync();
}

/// <summary>A grain with durable state and a durable reminder, both in PostgreSQL.</summary>
public sealed class SlaCheckGrain([PersistentState("sla", "Default")] IPersistentState<SlaCheckState> state) : Grain, ISlaCheckGrain
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<TickStatus>> Ticks = new();

    public async Task ScheduleAsync(TimeSpan due, TimeSpan period) => await RegisterOrUpdateReminder("sla-verify", due, period);

    public async Task RecordAsync(string check)
    {
        state.State.Checks.Add(check);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ChecksAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Checks]);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.GetOrAdd(this.GetPrimaryKeyString(), _ => new()).Enqueue(status);
        return Task.CompletedTask;
    }
}
