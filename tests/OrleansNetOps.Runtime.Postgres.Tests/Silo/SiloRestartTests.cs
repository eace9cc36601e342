using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Runtime.Postgres.Tests.Infrastructure;

namespace OrleansNetOps.Runtime.Postgres.Tests.Silo;

/// <summary>A real silo on PostgreSQL, stopped and started again as a new process would be.</summary>
public sealed class SiloRestartTests(PostgresSchemaFixture fixture) : IClassFixture<PostgresSchemaFixture>
{
    [Fact]
    public async Task A_reminder_registered_before_a_silo_restart_fires_after_it()
    {
        var key = "R1-" + Guid.NewGuid();
        var first = await StartSiloAsync();
        await first.Silo.GrainFactory.GetGrain<ISlaCheckGrain>(key).ScheduleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(300));
        await first.DisposeAsync();
        Assert.False(SlaCheckGrain.Ticks.ContainsKey(key), "the reminder fired before the restart; the test proves nothing");

        var second = await StartSiloAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!(SlaCheckGrain.Ticks.TryGetValue(key, out var ticks) && ticks.Count >= 2))
            {
                Assert.True(DateTime.UtcNow < deadline, "the reminder did not fire after the restart");
                await Task.Delay(50);
            }

            var tick = SlaCheckGrain.Ticks[key].First();
            Assert.Equal(TimeSpan.FromMilliseconds(300), tick.Period);
            Assert.True(tick.CurrentTickTime >= tick.FirstTickTime);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Grain_state_written_before_a_restart_is_read_after_it()
    {
        var key = "R2-" + Guid.NewGuid();
        var first = await StartSiloAsync();
        await first.Silo.GrainFactory.GetGrain<ISlaCheckGrain>(key).RecordAsync("latency 12 ms ok");
        await first.Silo.GrainFactory.GetGrain<ISlaCheckGrain>(key).RecordAsync("loss 0.1 % ok");
        await first.DisposeAsync();

        var second = await StartSiloAsync();
        try
        {
            Assert.Equal(["latency 12 ms ok", "loss 0.1 % ok"], await second.Silo.GrainFactory.GetGrain<ISlaCheckGrain>(key).ChecksAsync());
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    private async Task<RunningSilo> StartSiloAsync()
    {
        var services = new ServiceCollection();
        services.AddGrainRuntime(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100))
            .AddGrains(typeof(SlaCheckGrain).Assembly);
        services.AddPostgresGrainStorage("Default", o =>
        {
            o.ConnectionString = PostgresTestServer.ConnectionString;
            o.Schema = fixture.Schema;
        });
        services.AddPostgresReminders(o =>
        {
            o.ConnectionString = PostgresTestServer.ConnectionString;
            o.Schema = fixture.Schema;
        });
        var provider = services.BuildServiceProvider();
        var silo = provider.GetRequiredService<OrleansNetOps.Runtime.Silo>();
        await silo.StartAsync(CancellationToken.None);
        return new RunningSilo(provider, silo);
    }

    private sealed record RunningSilo(ServiceProvider Provider, OrleansNetOps.Runtime.Silo Silo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Silo.StopAsync(CancellationToken.None);
            await Provider.DisposeAsync();
        }
    }
}
