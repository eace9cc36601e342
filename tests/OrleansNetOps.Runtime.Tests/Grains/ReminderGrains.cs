using System.Collections.Concurrent;
using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task StartAsync(TimeSpan due, TimeSpan period);

    Task StopAsync();
}

public sealed class ReminderGrain : Grain, IReminderGrain
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<TickStatus>> Ticks = new();

    public async Task StartAsync(TimeSpan due, TimeSpan period) => await RegisterOrUpdateReminder("sla-check", due, period);

    public async Task StopAsync()
    {
        var reminder = await GetReminder("sla-check");
        if (reminder is not null)
        {
            await UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.GetOrAdd(this.GetPrimaryKeyString(), _ => new()).Enqueue(status);
        return Task.CompletedTask;
    }
}
