using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers.DryRun;
using OrleansNetOps.Drivers.Frr;
using OrleansNetOps.Drivers.PerRouter;
using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Drivers.Tests.Lab;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Drivers.Tests.PerRouter;

/// <summary>
/// The per-router driver on real FRR: R1 is <c>frr</c> through vtysh in its namespace, R2 a dry run that reads its
/// router; one action each. R1 changes and rolls back; R2 shows the exact commands and keeps its configuration.
/// </summary>
[Collection(DriverLabCollection.Name)]
public sealed class PerRouterLabTests(DriverLab fixture)
{
    [Fact]
    public async Task A_frr_router_is_changed_and_a_dry_run_router_only_shows_the_commands()
    {
        var lab = fixture.Lab;
        var topology = SeedNetwork.Topology with
        {
            Routers = [.. SeedNetwork.Topology.Routers.Select(r => r.Id switch
            {
                "R1" => r with { Driver = new RouterDriver(RouterDriverKind.Frr, Access(r.Id), null) },
                "R2" => r with { Driver = new RouterDriver(RouterDriverKind.DryRun, Access(r.Id), null) },
                _ => r,
            })],
        };
        var driver = TopologyDrivers.Build(topology, simulatedNetwork: false, new SimulatedPolicy(), TimeProvider.System);
        var onR1 = new DeviceAction("per-1", "R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-B", LocalPref = 180 });
        var onR2 = new DeviceAction("per-2", "R2", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-B", LocalPref = 180 });
        var r2Before = await lab.RunningConfigAsync("R2");

        var snapshot = await driver.SnapshotAsync(onR1);
        try
        {
            var changed = await driver.ExecuteAsync(onR1, snapshot);
            Assert.Equal(FrrDriver.DriverName, changed.Change.Driver);
            Assert.True(changed.ReadBack.Confirmed, string.Join("; ", changed.ReadBack.Failed));
            Assert.Same(driver.For("R1"), driver.For(onR1));
            Assert.Contains(" set local-preference 180", await lab.RunningConfigAsync("R1"), StringComparison.Ordinal);

            var shown = await driver.ExecuteAsync(onR2, await driver.SnapshotAsync(onR2));
            Assert.Equal(DryRunDriver.DriverName, shown.Change.Driver);
            Assert.False(shown.Apply.Touched);
            Assert.Contains("\nset local-preference 180", shown.Apply.Output, StringComparison.Ordinal);
            Assert.Equal(r2Before, await lab.RunningConfigAsync("R2"));
        }
        finally
        {
            var rollback = await driver.RollbackAsync(snapshot);
            Assert.True(rollback.Restored, string.Join('\n', rollback.Differences));
        }

        Assert.Equal(snapshot.Text, await lab.RunningConfigAsync("R1"));
    }

    private LocalVtyshAccess Access(string router)
    {
        var node = fixture.Lab.Layout.Node(router);
        return new LocalVtyshAccess(node.Namespace, node.VtyDirectory, null);
    }
}
