using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Collectors;
using OrleansNetOps.Collectors.Bmp;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Hosting;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Health;

/// <summary>API.md: ready only when storage and listeners are up; a taken listener port stops start-up naming it.</summary>
public sealed class ListenerReadinessTests
{
    [Fact]
    public async Task Ready_lists_the_listeners_and_turns_503_naming_them_when_one_stops()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

        using var ready = await silo.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var listeners = (await Json.ReadAsync(ready)).GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "listeners");
        Assert.True(listeners.GetProperty("ready").GetBoolean());
        Assert.Contains("bmp on port", listeners.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await silo.App.Services.GetRequiredService<BmpCollector>().DisposeAsync();

        using var notReady = await silo.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var report = await Json.ReadAsync(notReady);
        Assert.Equal(["listeners"], report.GetProperty("notReady").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("bmp", report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "listeners")
            .GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_bmp_port_stops_start_up_with_an_error_naming_the_address_and_port()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        var config = TestSilo.MemoryConfig() with
        {
            Http = new HttpConfig { Endpoints = ["http://127.0.0.1:0"] },
            Listeners = new ListenersConfig { BmpPort = port, SyslogPort = 0, FlowPort = 0, SnmpTrapPort = 0 },
            Cluster = TestSilo.MemoryConfig().Cluster with { SiloPort = 0 },
        };

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => SiloHost.StartAsync(new SiloHostOptions { Config = config }));

        var inUse = Assert.IsType<ListenerInUseException>(failure);
        Assert.Contains($"127.0.0.1:{port} (tcp) is already in use", inUse.Message, StringComparison.Ordinal);
    }
}
