using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using OrleansNetOps.Postgres.Tests.Infrastructure;

namespace OrleansNetOps.Postgres.Tests.Orleans;

/// <summary>
/// Orleans' ADO.NET providers on the tables and queries of our migration, against the real server, configured as the
/// service configures them.
/// </summary>
public sealed class OrleansProviderTests(PostgresSchemaFixture fixture) : IClassFixture<PostgresSchemaFixture>
{
    private static string NewClusterId() => "c" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Two_silos_form_a_cluster_in_the_membership_table_and_a_stopped_one_is_marked_dead()
    {
        var clusterId = NewClusterId();
        await using var first = await PostgresSilo.StartAsync(fixture, clusterId);
        var second = await PostgresSilo.StartAsync(fixture, clusterId);
        var rows = await MembersAsync(clusterId);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(3, r.Status));
        Assert.Contains(rows, r => r.Port == first.Address.Endpoint.Port && r.Generation == first.Address.Generation);
        var version = await VersionAsync(clusterId);
        Assert.True(version >= 2, $"two joins bump the version at least twice; it is {version}");

        // Heartbeats move forward.
        var before = rows.Max(r => r.IAmAliveTime);
        await WaitForAsync(async () => (await MembersAsync(clusterId)).Min(r => r.IAmAliveTime) > before, TimeSpan.FromSeconds(15), "no heartbeat was written");

        var gone = second.Address;
        await second.DisposeAsync();
        var after = await MembersAsync(clusterId);
        Assert.Equal(6, after.Single(r => r.Port == gone.Endpoint.Port && r.Generation == gone.Generation).Status);
        Assert.Equal(3, after.Single(r => r.Port == first.Address.Endpoint.Port).Status);
        Assert.True(await VersionAsync(clusterId) > version);
    }

    [Fact]
    public async Task Grain_state_is_stored_as_plain_json_and_read_back_by_another_silo_after_a_restart()
    {
        var clusterId = NewClusterId();
        await using (var silo = await PostgresSilo.StartAsync(fixture, clusterId))
        {
            var ledger = silo.Grains.GetGrain<ILedgerGrain>("edge-router-01");
            await ledger.AddAsync("first");
            var state = await ledger.AddAsync("second");
            Assert.Equal(2, state.Count);
        }

        var text = (string?)await fixture.ScalarAsync(
            $"SELECT payload::text FROM \"{fixture.Schema}\".orleans_grain_state WHERE service_id = $1 AND grain_id_extension = $2",
            clusterId, "edge-router-01");
        Assert.NotNull(text);
        using (var json = JsonDocument.Parse(text))
        {
            // Plain JSON of the state's own properties: no type names, no binary envelope.
            Assert.Equal(["Count", "Notes", "LastAt"], json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(2, json.RootElement.GetProperty("Count").GetInt32());
            Assert.Equal(["first", "second"], json.RootElement.GetProperty("Notes").EnumerateArray().Select(n => n.GetString()));
            Assert.Equal("2026-12-06T01:02:03+00:00", json.RootElement.GetProperty("LastAt").GetString());
        }

        Assert.DoesNotContain("$type", text, StringComparison.Ordinal);
        Assert.Equal(2, await StateVersionAsync(clusterId, "edge-router-01"));

        await using var restarted = await PostgresSilo.StartAsync(fixture, clusterId);
        var again = restarted.Grains.GetGrain<ILedgerGrain>("edge-router-01");
        Assert.Equal(["first", "second"], (await again.GetAsync()).Notes);
        Assert.Equal(3, (await again.AddAsync("third")).Count);
        Assert.Equal(3, await StateVersionAsync(clusterId, "edge-router-01"));

        // Clearing keeps the row and its version sequence; the next write goes on from there.
        await again.ClearAsync();
        Assert.Equal(DBNull.Value, await fixture.ScalarAsync(
            $"SELECT payload::text FROM \"{fixture.Schema}\".orleans_grain_state WHERE service_id = $1 AND grain_id_extension = $2", clusterId, "edge-router-01"));
        Assert.Equal(4, await StateVersionAsync(clusterId, "edge-router-01"));
        Assert.Equal(1, (await again.AddAsync("after clear")).Count);
        Assert.Equal(5, await StateVersionAsync(clusterId, "edge-router-01"));
    }

    [Fact]
    public async Task A_reminder_keeps_firing_after_every_silo_restarted()
    {
        var clusterId = NewClusterId();
        var period = TimeSpan.FromSeconds(1);
        void FastReminders(global::Orleans.Hosting.ISiloBuilder silo) => silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = period);
        int ticksBefore;
        await using (var a = await PostgresSilo.StartAsync(fixture, clusterId, FastReminders))
        await using (var b = await PostgresSilo.StartAsync(fixture, clusterId, FastReminders))
        {
            var pulse = a.Grains.GetGrain<IPulseGrain>("pulse");
            await pulse.StartAsync(period);
            await WaitForAsync(async () => await pulse.GetTicksAsync() >= 2, TimeSpan.FromSeconds(30), "the reminder never fired twice");
            ticksBefore = await pulse.GetTicksAsync();
        }

        Assert.Equal(1L, await fixture.ScalarAsync(
            $"SELECT count(*) FROM \"{fixture.Schema}\".orleans_reminders WHERE service_id = $1 AND reminder_name = 'pulse' AND period_ms = 1000", clusterId));

        // A new cluster generation on the same tables: nothing in memory survived, only PostgreSQL.
        await using var c = await PostgresSilo.StartAsync(fixture, clusterId, FastReminders);
        await using var d = await PostgresSilo.StartAsync(fixture, clusterId, FastReminders);
        var resumed = d.Grains.GetGrain<IPulseGrain>("pulse");
        await WaitForAsync(async () => await resumed.GetTicksAsync() >= ticksBefore + 2, TimeSpan.FromSeconds(60),
            $"the reminder did not fire again after the restart (ticks stayed near {ticksBefore})");
    }

    private async Task<List<(int Port, int Generation, int Status, DateTime IAmAliveTime)>> MembersAsync(string clusterId)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            $"SELECT port, generation, status, i_am_alive_time FROM \"{fixture.Schema}\".orleans_membership WHERE deployment_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clusterId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, int, int, DateTime)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDateTime(3)));
        }

        return rows;
    }

    private async Task<int> VersionAsync(string clusterId) =>
        (int)(await fixture.ScalarAsync($"SELECT version FROM \"{fixture.Schema}\".orleans_membership_version WHERE deployment_id = $1", clusterId))!;

    private async Task<int> StateVersionAsync(string clusterId, string key) =>
        (int)(await fixture.ScalarAsync($"SELECT version FROM \"{fixture.Schema}\".orleans_grain_state WHERE service_id = $1 AND grain_id_extension = $2", clusterId, key))!;

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, $"{failure} within {timeout.TotalSeconds:0} s");
            await Task.Delay(200);
        }
    }
}
