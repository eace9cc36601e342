using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Collectors.Bmp;
using OrleansNetOps.Lab;
using OrleansNetOps.Lab.Host;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Hosting;
using OrleansNetOps.Silo.Network;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Integration.Tests;

/// <summary>
/// The real service (embedded storage, network.simulated off) and the seed network as real FRR routers streaming
/// BMP to it — the way a NOC runs it against a lab. Fixtures that add ways of reaching the service (syslog, traps)
/// derive from it with a lab name prefix of their own, so that their labs never collide.
/// </summary>
public class LabWithSilo : IAsyncLifetime
{
    private readonly string _prefix;
    private readonly TimeSpan _convergence;
    private FrrLab? _lab;
    private WebApplication? _silo;

    public FrrLab Lab => _lab ?? throw new InvalidOperationException("the lab is not up");

    public HttpClient Api { get; private set; } = null!;

    public NetworkTopology Topology { get; } = TopologyLoader.LoadFile(RepositoryFile("silo-config", "topology.yaml"));

    public TimeSpan LabConverged { get; private set; }

    /// <summary>The seed lab named <c>int</c> plus the process id, converged within 30 s.</summary>
    public LabWithSilo()
        : this("int", TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>A lab named <paramref name="prefix"/> plus the process id, converged within <paramref name="convergence"/>.</summary>
    protected LabWithSilo(string prefix, TimeSpan convergence)
    {
        _prefix = prefix;
        _convergence = convergence;
    }

    public static string RepositoryFile(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine([directory.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(Path.Combine(parts) + " not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The service as a NOC runs it against real routers: embedded storage, no simulated network, every listener on a free port.</summary>
    public static Task<WebApplication> StartSiloAsync(NetworkTopology topology) => SiloHost.StartAsync(new SiloHostOptions
    {
        Config = new SiloConfig
        {
            Http = new HttpConfig { Endpoints = ["http://127.0.0.1:0"] },
            Auth = new AuthConfig { Mode = AuthMode.None },
            Listeners = new ListenersConfig { BmpPort = 0, SyslogPort = 0, FlowPort = 0, SnmpTrapPort = 0 },
            Network = new NetworkConfig { Simulated = false },
        },
        Topology = topology,
    });

    /// <summary>The port the silo's BMP collector listens on.</summary>
    public static int BmpPortOf(WebApplication silo) => silo.Services.GetRequiredService<BmpCollector>().LocalEndpoint!.Port;

    public async Task InitializeAsync()
    {
        Assert.True(HostProcesses.IsRoot, "the lab tests need root (network namespaces, veths, bgpd)");
        _silo = await StartSiloAsync(Topology);
        Api = new HttpClient { BaseAddress = new Uri(_silo.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
        var bmpPort = BmpPortOf(_silo);
        _lab = new FrrLab(Topology, new LabOptions(string.Create(CultureInfo.InvariantCulture, $"{_prefix}{Environment.ProcessId % 100000}"), bmpPort));
        try
        {
            await _lab.UpAsync(await File.ReadAllTextAsync(RepositoryFile("silo-config", "topology.yaml")));
            LabConverged = await _lab.WaitUntilConvergedAsync(_convergence);
        }
        catch
        {
            await _lab.DownAsync();
            throw;
        }
    }

    public Task DisposeAsync() => TearDownAsync(_lab, Api, _silo);

    /// <summary>Takes the lab down first (its BMP sessions end), then the client and the silo; each only if it was made.</summary>
    public static async Task TearDownAsync(FrrLab? lab, HttpClient? api, WebApplication? silo)
    {
        if (lab is not null)
        {
            await lab.DownAsync();
        }

        api?.Dispose();
        if (silo is not null)
        {
            await silo.StopAsync();
            await silo.DisposeAsync();
        }
    }

    public Task<JsonElement> GetJsonAsync(string path) => GetJsonAsync(Api, path);

    /// <summary>GETs <paramref name="path"/> and fails the test, with the answer, on anything but success.</summary>
    public static async Task<JsonElement> GetJsonAsync(HttpClient api, string path)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var response = await api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<T?> GetAsync<T>(string path) => Api.GetFromJsonAsync<T>(path);
}
