using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Runtime.Postgres.Tests.Infrastructure;

namespace OrleansNetOps.Runtime.Postgres.Tests;

public sealed class ServiceRegistrationTests(PostgresSchemaFixture fixture) : IClassFixture<PostgresSchemaFixture>
{
    [Fact]
    public async Task Registered_stores_resolve_by_name_and_work_against_the_server()
    {
        var services = new ServiceCollection();
        services.AddPostgresGrainStorage("netops", o =>
        {
            o.ConnectionString = PostgresTestServer.ConnectionString;
            o.Schema = fixture.Schema;
        });
        services.AddPostgresReminders(o =>
        {
            o.ConnectionString = PostgresTestServer.ConnectionString;
            o.Schema = fixture.Schema;
        });

        var grain = new GrainId("RouterGrain", "di-" + Guid.NewGuid().ToString("N"));
        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            var storage = provider.GetRequiredKeyedService<IGrainStorage>("netops");
            Assert.IsType<PostgresGrainStorage>(storage);
            Assert.Same(storage, provider.GetRequiredKeyedService<IGrainStorage>("netops"));
            Assert.Null(provider.GetKeyedService<IGrainStorage>("other"));

            var state = new GrainState<int>(7);
            await storage.WriteStateAsync("count", grain, state);
            var read = new GrainState<int>(0);
            await storage.ReadStateAsync("count", grain, read);
            Assert.Equal(7, read.State);

            var reminders = provider.GetRequiredService<IReminderTable>();
            Assert.IsType<PostgresReminderTable>(reminders);
            await reminders.InitializeAsync();
            var etag = await reminders.UpsertAsync(new ReminderEntry(grain, "tick", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1)));
            Assert.True(await reminders.RemoveAsync(grain, "tick", etag));

            var probe = provider.GetRequiredKeyedService<PostgresHealthProbe>("netops");
            Assert.True((await probe.CheckAsync()).IsHealthy);
            Assert.True((await provider.GetRequiredKeyedService<PostgresHealthProbe>(PostgresServiceCollectionExtensions.RemindersKey).CheckAsync()).IsHealthy);

            var pool = provider.GetRequiredKeyedService<PostgresDatabase>("netops");
            Assert.NotSame(pool, provider.GetRequiredKeyedService<PostgresDatabase>(PostgresServiceCollectionExtensions.RemindersKey));
        }
    }

    [Fact]
    public async Task Disposing_the_container_closes_the_pool()
    {
        var services = new ServiceCollection();
        services.AddPostgresGrainStorage("netops", o =>
        {
            o.ConnectionString = PostgresTestServer.ConnectionString;
            o.Schema = fixture.Schema;
        });
        var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredKeyedService<IGrainStorage>("netops");
        await storage.ReadStateAsync("count", new GrainId("RouterGrain", "x"), new GrainState<int>(0));

        await provider.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => storage.ReadStateAsync("count", new GrainId("RouterGrain", "x"), new GrainState<int>(0)));
    }

    [Fact]
    public void Bad_options_fail_at_registration()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddPostgresGrainStorage("netops", _ => { }));
        Assert.Throws<ArgumentException>(() => services.AddPostgresReminders(o =>
        {
            o.ConnectionString = "Host=127.0.0.1";
            o.MaxAttempts = 0;
        }));
        Assert.Throws<ArgumentException>(() => services.AddPostgresGrainStorage("netops", o =>
        {
            o.ConnectionString = "Host=127.0.0.1";
            o.Schema = "x;y";
        }));
    }
}
