using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using OrleansNetOps.Postgres.Tests.Infrastructure;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Hosting;

namespace OrleansNetOps.Postgres.Tests.Orleans;

/// <summary>One silo configured exactly as the service configures it for <c>storage.kind: postgres</c>, without the web API.</summary>
internal sealed class PostgresSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private PostgresSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static async Task<PostgresSilo> StartAsync(PostgresSchemaFixture fixture, string clusterId, Action<ISiloBuilder>? configure = null)
    {
        var config = new SiloConfig
        {
            Storage = new StorageConfig
            {
                Kind = StorageKind.Postgres,
                Postgres = new PostgresStorageConfig { ConnectionString = PostgresTestServer.ConnectionString, Schema = fixture.Schema },
            },
            Cluster = new ClusterConfig { ClusterId = clusterId, ServiceId = clusterId, SiloPort = 0 },
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(fixture.CreateDatabase());
        builder.UseOrleans(silo =>
        {
            OrleansSilo.Configure(silo, config, [typeof(PostgresSilo).Assembly]);
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        var silo = new PostgresSilo(host);
        await silo.WaitUntilActiveAsync(TimeSpan.FromSeconds(60));
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private async Task WaitUntilActiveAsync(TimeSpan timeout)
    {
        var membership = _host.Services.GetRequiredService<IClusterMembershipService>();
        var clock = Stopwatch.StartNew();
        while (membership.CurrentSnapshot.GetSiloStatus(Address) != SiloStatus.Active)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"silo {Address} not active after {timeout}: {membership.CurrentSnapshot}");
            }

            await Task.Delay(100);
        }
    }
}
