using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Drivers.Frr;
using OrleansNetOps.Drivers.Transport;
using OrleansNetOps.Lab;
using OrleansNetOps.Lab.Host;

namespace OrleansNetOps.Drivers.Tests.Lab;

/// <summary>One seed lab of real FRR 8.4 routers shared by every lab test of this project (they change it in turn); always torn down.</summary>
public sealed class DriverLab : IAsyncLifetime
{
    private FrrLab? _lab;

    /// <summary>The running lab.</summary>
    public FrrLab Lab => _lab ?? throw new InvalidOperationException("the lab is not up");

    /// <summary>The FRR driver on R1..R5, through vtysh in each router's namespace.</summary>
    public FrrDriver Driver { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Assert.True(HostProcesses.IsRoot, "the driver lab tests need root (network namespaces, veths, bgpd)");

        // Nobody listens on the BMP port: bgpd just retries; a free port keeps us off anyone else's collector.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _lab = new FrrLab(SeedNetwork.Topology, new LabOptions(string.Create(CultureInfo.InvariantCulture, $"drv{Environment.ProcessId % 100000}"), port));
        try
        {
            await _lab.UpAsync(await File.ReadAllTextAsync(SeedNetwork.TopologyFile));
            await _lab.WaitUntilConvergedAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await _lab.DownAsync();
            throw;
        }

        Driver = new FrrDriver(SeedNetwork.Topology.Routers.Select(r => FrrDevice.FromTopology(SeedNetwork.Topology, r.Id, Transport(r.Id))));
    }

    /// <summary>vtysh of one lab router, run inside its network namespace.</summary>
    public LocalVtyshTransport Transport(string router)
    {
        var node = Lab.Layout.Node(router);
        return new LocalVtyshTransport(new LocalVtyshOptions { VtySocketDirectory = node.VtyDirectory, NetworkNamespace = node.Namespace });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DownAsync();
        }
    }
}

/// <summary>The lab tests share one lab and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DriverLabCollection : ICollectionFixture<DriverLab>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "FRR driver lab";
}
