using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Hosting;

namespace OrleansNetOps.Silo.Tests.Infrastructure;

/// <summary>The real host on Kestrel at 127.0.0.1 on a free port, with an HttpClient pointed at it.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private TestSilo(WebApplication app, CapturingLoggerProvider logs)
    {
        App = app;
        Logs = logs;
        var address = app.Urls.Single();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public static Task<TestSilo> StartAsync(SiloConfig config, string? bootstrapAdminKey = null) =>
        StartAsync(new SiloHostOptions { Config = config, BootstrapAdminKey = bootstrapAdminKey });

    public static async Task<TestSilo> StartAsync(SiloHostOptions options)
    {
        var logs = new CapturingLoggerProvider();
        var loopback = options with
        {
            Config = options.Config with
            {
                Http = new HttpConfig { Endpoints = ["http://127.0.0.1:0"] },
                // Free ports, so test hosts can run side by side; other listener settings (a Unix socket path) stay.
                Listeners = options.Config.Listeners with { BmpPort = 0, SyslogPort = 0, FlowPort = 0, SnmpTrapPort = 0 },
                Cluster = options.Config.Cluster with { SiloPort = 0 },
            },
            ConfigureLogging = logging => logging.AddProvider(logs),
            GrainAssemblies = [typeof(TallyGrain).Assembly],
        };
        var app = await SiloHost.StartAsync(loopback);
        return new TestSilo(app, logs);
    }

    public static SiloConfig MemoryConfig(AuthMode mode = AuthMode.None, IReadOnlyList<ApiKeyConfig>? keys = null, bool simulated = false) => new()
    {
        Auth = new AuthConfig { Mode = mode, Keys = keys ?? [] },
        Network = new NetworkConfig { Simulated = simulated },
    };

    /// <summary>The memory configuration with storage in PostgreSQL (the test server, a schema of its own).</summary>
    public static SiloConfig PostgresConfig(string schema) => MemoryConfig() with
    {
        Storage = new StorageConfig
        {
            Kind = StorageKind.Postgres,
            Postgres = new PostgresStorageConfig { ConnectionString = Health.PostgresFactAttribute.ConnectionString, Schema = schema },
        },
    };

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public HttpRequestMessage Get(string path, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? key = null)
    {
        using var request = Get(path, key);
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
