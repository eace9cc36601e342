using OrleansNetOps.Runtime.Postgres.Tests.Infrastructure;

namespace OrleansNetOps.Runtime.Postgres.Tests.Reminders;

public sealed class PostgresReminderTableTests(PostgresSchemaFixture fixture) : IClassFixture<PostgresSchemaFixture>
{
    private readonly PostgresReminderTable _table = new(fixture.Database);

    // timestamptz and interval keep microseconds; whole milliseconds round-trip exactly.
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 8, 30, 0, 250, TimeSpan.Zero);

    private static GrainId NewGrain(string type = "IncidentGrain") => new(type, "inc-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Upsert_then_read_returns_the_entry_with_its_etag()
    {
        var grain = NewGrain();
        var etag = await _table.UpsertAsync(new ReminderEntry(grain, "escalate", Start, TimeSpan.FromMinutes(5)));

        var read = await _table.ReadAsync(grain, "escalate");

        Assert.Equal(new ReminderEntry(grain, "escalate", Start, TimeSpan.FromMinutes(5), etag), read);
        Assert.Null(await _table.ReadAsync(grain, "other"));
    }

    [Fact]
    public async Task Upsert_replaces_and_issues_a_new_etag()
    {
        var grain = NewGrain();
        var first = await _table.UpsertAsync(new ReminderEntry(grain, "poll", Start, TimeSpan.FromSeconds(30)));
        var second = await _table.UpsertAsync(new ReminderEntry(grain, "poll", Start.AddHours(1), TimeSpan.FromDays(1.5)));

        Assert.NotEqual(first, second);
        var read = await _table.ReadAsync(grain, "poll");
        Assert.Equal(new ReminderEntry(grain, "poll", Start.AddHours(1), TimeSpan.FromDays(1.5), second), read);
        Assert.Single(await _table.ReadAsync(grain));
    }

    [Fact]
    public async Task Remove_needs_the_current_etag()
    {
        var grain = NewGrain();
        var first = await _table.UpsertAsync(new ReminderEntry(grain, "poll", Start, TimeSpan.FromSeconds(30)));
        var second = await _table.UpsertAsync(new ReminderEntry(grain, "poll", Start, TimeSpan.FromSeconds(60)));

        Assert.False(await _table.RemoveAsync(grain, "poll", first));
        Assert.False(await _table.RemoveAsync(grain, "poll", "not-an-etag"));
        Assert.NotNull(await _table.ReadAsync(grain, "poll"));

        Assert.True(await _table.RemoveAsync(grain, "poll", second));
        Assert.Null(await _table.ReadAsync(grain, "poll"));
        Assert.False(await _table.RemoveAsync(grain, "poll", second));
    }

    [Fact]
    public async Task Start_time_keeps_its_instant_whatever_the_offset()
    {
        var grain = NewGrain();
        var local = new DateTimeOffset(2025, 6, 1, 14, 0, 0, TimeSpan.FromHours(5.5));
        await _table.UpsertAsync(new ReminderEntry(grain, "tz", local, TimeSpan.FromHours(1)));

        var read = await _table.ReadAsync(grain, "tz");

        Assert.NotNull(read);
        Assert.Equal(local.UtcDateTime, read.StartAt.UtcDateTime);
    }

    [Fact]
    public async Task Reads_per_grain_return_only_that_grains_reminders_and_read_all_returns_every_one()
    {
        var incident = NewGrain();
        var router = NewGrain("RouterGrain");
        var sameKeyOtherType = new GrainId("PeerGrain", incident.Key);
        var a = await _table.UpsertAsync(new ReminderEntry(incident, "b-escalate", Start, TimeSpan.FromMinutes(5)));
        var b = await _table.UpsertAsync(new ReminderEntry(incident, "a-close", Start, TimeSpan.FromHours(1)));
        var c = await _table.UpsertAsync(new ReminderEntry(router, "refresh", Start, TimeSpan.FromSeconds(10)));
        var d = await _table.UpsertAsync(new ReminderEntry(sameKeyOtherType, "probe", Start, TimeSpan.FromSeconds(10)));

        var forIncident = await _table.ReadAsync(incident);
        Assert.Equal(["a-close", "b-escalate"], forIncident.Select(r => r.Name));
        Assert.Equal([b, a], forIncident.Select(r => r.ETag));
        Assert.Equal([c], (await _table.ReadAsync(router)).Select(r => r.ETag));
        Assert.Equal([d], (await _table.ReadAsync(sameKeyOtherType)).Select(r => r.ETag));
        Assert.Empty(await _table.ReadAsync(NewGrain()));

        var all = await _table.ReadAllAsync();
        Assert.Superset(new HashSet<string?> { a, b, c, d }, all.Select(r => r.ETag).ToHashSet());
    }

    [Fact]
    public async Task Reminders_survive_a_new_table_instance_over_a_new_pool()
    {
        var grain = NewGrain();
        var before = new PostgresDatabase(new PostgresOptions { ConnectionString = PostgresTestServer.ConnectionString, Schema = fixture.Schema });
        var beforeTable = new PostgresReminderTable(before);
        await beforeTable.InitializeAsync();
        var etag = await beforeTable.UpsertAsync(new ReminderEntry(grain, "daily-report", Start, TimeSpan.FromDays(1)));
        await before.DisposeAsync();

        // A restarted silo: nothing shared with the first instance except the database.
        var after = fixture.CreateDatabase();
        var afterTable = new PostgresReminderTable(after);
        await afterTable.InitializeAsync();

        var all = await afterTable.ReadAllAsync();
        Assert.Contains(new ReminderEntry(grain, "daily-report", Start, TimeSpan.FromDays(1), etag), all);
        Assert.True(await afterTable.RemoveAsync(grain, "daily-report", etag));
    }
}
