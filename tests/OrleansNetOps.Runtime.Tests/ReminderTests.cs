using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public sealed class ReminderTests
{
    [Fact]
    public async Task A_reminder_ticks_on_schedule_and_stops_when_unregistered()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "rem-" + Guid.NewGuid();
        var grain = silo.Grains.GetGrain<IReminderGrain>(key);

        await grain.StartAsync(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));
        await LifecycleAndStateTests.WaitUntil(() => ReminderGrain.Ticks.TryGetValue(key, out var t) && t.Count >= 3);
        await grain.StopAsync();
        var after = ReminderGrain.Ticks[key].Count;
        await Task.Delay(400);

        Assert.InRange(ReminderGrain.Ticks[key].Count, after, after + 1);
        var ticks = ReminderGrain.Ticks[key].ToArray();
        Assert.All(ticks, t => Assert.Equal(TimeSpan.FromMilliseconds(100), t.Period));
        // Ticks follow the registered schedule: first + n × period.
        Assert.All(ticks, t => Assert.Equal(0, (t.CurrentTickTime - t.FirstTickTime).Ticks % t.Period.Ticks));
    }

    [Fact]
    public async Task A_reminder_period_below_the_minimum_is_refused_clearly()
    {
        await using var silo = await TestSilo.StartAsync(o => o.MinimumReminderPeriod = TimeSpan.FromMinutes(1));
        var grain = silo.Grains.GetGrain<IReminderGrain>("too-fast");

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.StartAsync(TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Contains("MinimumReminderPeriod", error.Message, StringComparison.Ordinal);
    }
}
