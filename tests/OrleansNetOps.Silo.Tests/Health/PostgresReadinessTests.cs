using System.Net;
using System.Text.Json;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Health;

public sealed class PostgresReadinessTests
{
    private static SiloConfig PostgresConfig(string connectionString, string schema) => TestSilo.MemoryConfig() with
    {
        Storage = new StorageConfig
        {
            Kind = StorageKind.Postgres,
            Postgres = new PostgresStorageConfig { ConnectionString = connectionString, Schema = schema },
        },
    };

    [Fact]
    public async Task Unreachable_database_keeps_the_host_live_but_not_ready()
    {
        // Port 1 on loopback is closed: connections are refused at once.
        var config = PostgresConfig("Host=127.0.0.1;Port=1;Username=netops;Password=x;Database=netops;Timeout=2", "silo_unreachable");
        await using var silo = await TestSilo.StartAsync(config);

        using var live = await silo.GetAsync("/health/live");
        using var ready = await silo.GetAsync("/health/ready");
        using var readyAgain = await silo.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyAgain.StatusCode);
        var report = await Json.ReadAsync(ready);
        Assert.Equal("not-ready", report.GetProperty("status").GetString());
        Assert.Equal(["storage", "silo"], report.GetProperty("notReady").EnumerateArray().Select(n => n.GetString()));
        var storage = report.GetProperty("checks").EnumerateArray().First(c => c.GetProperty("name").GetString() == "storage");
        Assert.Contains("PostgreSQL", storage.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The silo has not joined its cluster: it waits for the database that holds the membership table.
        var siloCheck = report.GetProperty("checks").EnumerateArray().First(c => c.GetProperty("name").GetString() == "silo");
        Assert.Contains("waiting for PostgreSQL", siloCheck.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Reachable_database_is_ready_and_stores_grain_state()
    {
        var schema = "silo_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var silo = await TestSilo.StartAsync(PostgresConfig(PostgresFactAttribute.ConnectionString, schema));

        var report = await WaitForReadyAsync(silo, TimeSpan.FromSeconds(30));
        var tally = silo.Grains.GetGrain<ITallyGrain>("r1");

        Assert.Equal("ready", report.GetProperty("status").GetString());
        Assert.Equal(1, await tally.AddAsync());
        Assert.Equal(2, await tally.AddAsync());
    }

    [PostgresFact]
    public async Task Readiness_follows_the_database_away_and_back_without_restarting()
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString);
        var address = (await System.Net.Dns.GetHostAddressesAsync(target.Host!)).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
        await using var gate = new LoopbackGate(new System.Net.IPEndPoint(address, target.Port));
        var throughGate = new Npgsql.NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString) { Host = "127.0.0.1", Port = gate.Port, Pooling = false };
        var schema = "silo_test_" + Guid.NewGuid().ToString("N")[..12];

        // Down at start: the host comes up anyway, live but not ready, and the silo waits to join its cluster.
        await using var silo = await TestSilo.StartAsync(PostgresConfig(throughGate.ConnectionString, schema));
        using (var down = await silo.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal(["storage", "silo"], (await Json.ReadAsync(down)).GetProperty("notReady").EnumerateArray().Select(n => n.GetString()));
        }

        using (var live = await silo.GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        // Back: the silo starts by itself and the service becomes ready.
        gate.Open();
        await WaitForReadyAsync(silo, TimeSpan.FromSeconds(30));
        Assert.Equal(1, await silo.Grains.GetGrain<ITallyGrain>("r1").AddAsync());

        // Away again: not ready, still live; and ready once more when it returns.
        await gate.CloseAsync();
        using (var away = await silo.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, away.StatusCode);
            Assert.Equal(["storage"], (await Json.ReadAsync(away)).GetProperty("notReady").EnumerateArray().Select(n => n.GetString()));
        }

        gate.Open();
        await WaitForReadyAsync(silo, TimeSpan.FromSeconds(30));
    }

    private static async Task<JsonElement> WaitForReadyAsync(TestSilo silo, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await silo.GetAsync("/health/ready");
            var report = await Json.ReadAsync(response);
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"not ready after {timeout}: {report}");
                return report;
            }

            await Task.Delay(200);
        }
    }
}
