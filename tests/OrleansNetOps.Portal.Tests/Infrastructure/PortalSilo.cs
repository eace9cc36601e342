using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Hosting;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Portal.Tests.Infrastructure;

/// <summary>
/// The real silo on its embedded default configuration (the file compiled into the binary), moved to free loopback ports
/// so tests run side by side, with a faster simulated network when asked.
/// </summary>
public sealed class PortalSilo : IAsyncDisposable
{
    private PortalSilo(WebApplication app)
    {
        App = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    /// <summary>Starts a silo.</summary>
    /// <param name="simulationStepSeconds">The simulated network's step; 0 turns the simulation off.</param>
    /// <param name="keys">API keys; when given, <c>auth.mode</c> is <c>apikey</c>.</param>
    /// <param name="topology">Another topology than the seed.</param>
    public static async Task<PortalSilo> StartAsync(int simulationStepSeconds = 3, IReadOnlyList<ApiKeyConfig>? keys = null, NetworkTopology? topology = null)
    {
        var embedded = SiloConfigLoader.LoadEmbedded([]);
        var config = embedded with
        {
            Http = new HttpConfig { Endpoints = ["http://127.0.0.1:0"] },
            Listeners = embedded.Listeners with { BmpPort = 0, SyslogPort = 0, FlowPort = 0, SnmpTrapPort = 0, SyslogUnixPath = null },
            Cluster = embedded.Cluster with { SiloPort = 0, GatewayPort = 0 },
            Network = embedded.Network with { Simulated = simulationStepSeconds > 0, SimulationStepSeconds = Math.Max(1, simulationStepSeconds) },
            Auth = keys is null ? embedded.Auth : new AuthConfig { Mode = AuthMode.ApiKey, Keys = keys },
        };
        var app = await SiloHost.StartAsync(new SiloHostOptions
        {
            Config = config,
            Topology = topology,
            ConfigSource = "embedded:silo.yaml (test ports)",
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
        });
        return new PortalSilo(app);
    }

    /// <summary>Publishes findings on the domain's findings stream, as the analysts do; the incident side takes them from there.</summary>
    public async Task PublishAsync(IEnumerable<Finding> findings)
    {
        var stream = App.Services.GetRequiredService<IClusterClient>().GetStreamProvider(NetOpsStreams.Provider).GetStream<Finding>(NetOpsStreams.Findings());
        foreach (var finding in findings)
        {
            await stream.OnNextAsync(finding);
        }
    }

    /// <summary>Publishes an event on the domain's live-feed stream, as a grain would.</summary>
    public async Task PublishAsync(NetOpsEvent item)
    {
        var client = App.Services.GetRequiredService<IClusterClient>();
        await client.GetStreamProvider(NetOpsStreams.Provider).GetStream<NetOpsEvent>(NetOpsStreams.Events()).OnNextAsync(item);
    }

    public HttpRequestMessage Get(string path, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
