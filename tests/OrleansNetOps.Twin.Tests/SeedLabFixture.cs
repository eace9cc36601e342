using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Lab;
using OrleansNetOps.Lab.Host;
using OrleansNetOps.Twin.Recordings;
using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Twin.Tests;

/// <summary>A seed lab of real FRR routers (our routers and the ISPs), named after the test class's stem and this process; always torn down.</summary>
public abstract class SeedLabFixture(string stem) : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(45);
    private FrrLab? _lab;

    /// <summary>The running lab.</summary>
    public FrrLab Lab => _lab ?? throw new InvalidOperationException("the lab is not up");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Assert.True(HostProcesses.IsRoot, "the twin acceptance tests need root (network namespaces, veths, bgpd)");

        // Nobody listens on the BMP port: bgpd just retries; a free port keeps us off anyone else's collector.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _lab = new FrrLab(Seed.Topology, new LabOptions(string.Create(CultureInfo.InvariantCulture, $"{stem}{Environment.ProcessId % 100000}"), port));
        try
        {
            await _lab.UpAsync(await File.ReadAllTextAsync(Seed.File("topology.yaml")));
            await _lab.WaitUntilConvergedAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await _lab.DownAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DownAsync();
        }
    }

    /// <summary>
    /// Polls FRR until every router's best paths and the ISPs' best paths to our prefixes equal <paramref name="expected"/>'s,
    /// then returns no differences; else the differences after the timeout.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(TwinState expected, string what)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        IReadOnlyList<string> differences;
        do
        {
            await Task.Delay(1000);
            differences = BestPathComparison.Compare(expected, await Lab.ObserveAsync());
            if (differences.Count == 0)
            {
                return differences;
            }
        }
        while (DateTime.UtcNow < deadline);

        return [$"after {s_timeout.TotalSeconds:0} s waiting for {what}:", .. differences];
    }
}

/// <summary>The lab of <see cref="LabAcceptanceTests"/>.</summary>
public sealed class TwinLabFixture() : SeedLabFixture("twin");

/// <summary>The lab of <see cref="InboundLabAcceptanceTests"/>.</summary>
public sealed class IspLabFixture() : SeedLabFixture("isp");
