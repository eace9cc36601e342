using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Benchmarks.Orleans;

/// <summary>A real Orleans silo in the benchmark process (localhost clustering, memory storage), running the project's grains.</summary>
internal static class InProcessSilo
{
    public static async Task<IHost> StartAsync(Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TopologyLoader.Parse(
            "asn: 65001\nrouters:\n  - { id: R1, hostname: bench-router, routerId: 198.51.100.1 }\n", "bench-topology.yaml"));
        builder.Services.AddSingleton(new SiloConfig { Network = new NetworkConfig { Simulated = false } });
        builder.Services.AddSingleton(TimeProvider.System);
        services?.Invoke(builder.Services);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: 0).AddMemoryGrainStorageAsDefault());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static async Task StopAsync(IHost? host)
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
