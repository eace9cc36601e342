using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Verification;
using OrleansNetOps.Lab;
using OrleansNetOps.Lab.Host;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Hosting;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Integration.Tests.SeedScenario;

/// <summary>
/// The seed network as real FRR routers and the service changing them: every router's <c>driver:</c> is
/// <c>frr</c> through vtysh in its lab namespace, BMP streams to the silo, verification windows are seconds long.
/// </summary>
public sealed class SeedLabWithDrivers : IAsyncLifetime
{
    /// <summary>Probes in the first seconds after a change are ignored; the change is judged on the next ones.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>How long the "after" window lasts.</summary>
    public static readonly TimeSpan After = TimeSpan.FromSeconds(8);

    private FrrLab? _lab;
    private WebApplication? _silo;

    public FrrLab Lab => _lab ?? throw new InvalidOperationException("the lab is not up");

    public HttpClient Api { get; private set; } = null!;

    public NetworkTopology Topology { get; private set; } = null!;

    /// <summary>The seed topology with each of our routers driven by FRR through vtysh in its namespace of lab <paramref name="options"/>.</summary>
    public static NetworkTopology WithFrrDrivers(NetworkTopology seed, LabOptions options)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var layout = new LabLayout(seed, options);
        return seed with
        {
            Routers = [.. seed.Routers.Select(r => r with
            {
                Driver = new RouterDriver(RouterDriverKind.Frr, new LocalVtyshAccess(layout.Node(r.Id).Namespace, layout.Node(r.Id).VtyDirectory, null), null),
            })],
        };
    }

    public async Task InitializeAsync()
    {
        Assert.True(HostProcesses.IsRoot, "the lab tests need root (network namespaces, veths, bgpd)");
        var seed = TopologyLoader.LoadFile(LabWithSilo.RepositoryFile("silo-config", "topology.yaml"));
        var name = string.Create(CultureInfo.InvariantCulture, $"sd{Environment.ProcessId % 100000}");

        // Namespaces and vty directories depend on the lab's name only, so the drivers are known before the BMP port is.
        Topology = WithFrrDrivers(seed, new LabOptions(name));
        _silo = await SiloHost.StartAsync(new SiloHostOptions
        {
            Config = new SiloConfig
            {
                Http = new HttpConfig { Endpoints = ["http://127.0.0.1:0"] },
                Auth = new AuthConfig { Mode = AuthMode.None },
                Listeners = new ListenersConfig { BmpPort = 0, SyslogPort = 0, FlowPort = 0, SnmpTrapPort = 0 },
                Network = new NetworkConfig { Simulated = false },
            },
            Topology = Topology,
            Guardrails = GovernancePolicy.Default with
            {
                Verification = new VerificationRules { Before = TimeSpan.FromMinutes(10), Settle = Settle, After = After },
            },
        });
        Api = new HttpClient { BaseAddress = new Uri(_silo.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
        _lab = new FrrLab(seed, new LabOptions(name, LabWithSilo.BmpPortOf(_silo)));
        try
        {
            await _lab.UpAsync(await File.ReadAllTextAsync(LabWithSilo.RepositoryFile("silo-config", "topology.yaml")));
            await _lab.WaitUntilConvergedAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await _lab.DownAsync();
            throw;
        }

        await SendAsync(HttpMethod.Put, "/api/v1/autonomy", new { phase = "semi" });
    }

    public Task DisposeAsync() => LabWithSilo.TearDownAsync(_lab, Api, _silo);

    /// <summary>Sends a request and fails the test, with the answer, unless it gets <paramref name="expect"/> (any success when null).</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null, HttpStatusCode? expect = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expect is { } status ? status == response.StatusCode : response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
