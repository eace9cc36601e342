using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers.DryRun;

namespace OrleansNetOps.Drivers.Tests.Lab;

/// <summary>The dry run and the failure path, on the real lab.</summary>
[Collection(DriverLabCollection.Name)]
public sealed class DriverFailureLabTests(DriverLab fixture)
{
    [Fact]
    public async Task The_dry_run_shows_the_exact_commands_and_touches_nothing()
    {
        var dryRun = new DryRunDriver(fixture.Driver);
        var action = new DeviceAction("dry-1", "R1", "PREFIX_FILTER", new ActionParameters { Peer = "ISP-A", Prefixes = ["8.8.8.0/24"] });
        var snapshot = await dryRun.SnapshotAsync(action);

        var result = await dryRun.ExecuteAsync(action, snapshot);

        Assert.False(result.Apply.Touched);
        Assert.Empty(result.Apply.Sent);
        Assert.False(result.ReadBack.Confirmed);
        Assert.Equal(result.Change.Expectations.Length, result.Missing.Length);
        var record = Assert.Single(dryRun.Records);
        Assert.Equal(("execute", "R1", "dry-1"), (record.Operation, record.Target, record.ActionId));
        Assert.Equal<string>(
        [
            "configure terminal",
            "ip prefix-list NETOPS-FILTER-ISP-A-IN seq 5 permit 8.8.8.0/24",
            "route-map RM-ISP-A-IN deny 50", "match ip address prefix-list NETOPS-FILTER-ISP-A-IN", "exit",
            "end",
        ], record.Commands);
        Assert.Contains("would send\nconfigure terminal", result.Apply.Output, StringComparison.Ordinal);
        Assert.Equal(snapshot.Text, await fixture.Lab.RunningConfigAsync("R1"));
        Assert.Equal(DryRunDriver.DriverName, result.Change.Driver);
    }

    [Fact]
    public async Task A_refused_command_is_reported_and_the_snapshot_undoes_what_went_through()
    {
        var driver = fixture.Driver;
        var action = new DeviceAction("bad-1", "R1", "MED_ADJUST", new ActionParameters { Peer = "R3", Direction = "out", Med = 77 });
        var snapshot = await driver.SnapshotAsync(action);
        var change = await driver.RenderAsync(action, snapshot);
        var broken = change with { Commands = change.Commands.Insert(change.Commands.Length - 2, "set metric banana") };

        var failure = await Assert.ThrowsAsync<DeviceCommandFailedException>(() => driver.ApplyAsync(broken));
        Assert.Equal("R1", failure.Target);
        Assert.Contains("set metric banana", failure.Detail, StringComparison.Ordinal);
        Assert.Contains("vtysh --vty_socket", failure.Detail, StringComparison.Ordinal);

        // vtysh stopped at the refused line: what came before it is in, so the read-back does not confirm the whole.
        var partial = await driver.ReadBackAsync(change);
        Assert.NotEmpty(partial.Held);
        Assert.NotEqual(snapshot.Id, partial.StateId);

        var rollback = await driver.RollbackAsync(snapshot);
        Assert.True(rollback.Restored, string.Join('\n', rollback.Differences));
        Assert.Equal(snapshot.Text, await fixture.Lab.RunningConfigAsync("R1"));
    }

    [Fact]
    public async Task Actions_for_unknown_targets_or_neighbours_are_rejected_before_anything_is_sent()
    {
        var driver = fixture.Driver;
        var snapshot = await driver.SnapshotAsync(new DeviceAction("x", "R1", "NO_ACTION", new ActionParameters()));

        var target = await Assert.ThrowsAsync<DeviceActionRejectedException>(() => driver.ExecuteAsync(new DeviceAction("x", "R9", "NO_ACTION", new ActionParameters()), snapshot));
        Assert.Contains("target: 'R9' is not a router this FRR driver manages (routers: R1, R2, R3, R4, R5)", target.Errors);

        var peer = await Assert.ThrowsAsync<DeviceActionRejectedException>(() => driver.ExecuteAsync(new DeviceAction("y", "R1", "PEER_DEACTIVATE", new ActionParameters { Peer = "ISP-C" }), snapshot));
        Assert.StartsWith("params.peer: 'ISP-C' is not a neighbour of R1", Assert.Single(peer.Errors), StringComparison.Ordinal);
        Assert.Equal(snapshot.Text, await fixture.Lab.RunningConfigAsync("R1"));
        Assert.False(driver.Handles(new DeviceAction("z", "R9", "NO_ACTION", new ActionParameters())));
        Assert.True(driver.Handles(new DeviceAction("z", "R1", "DEPEER", new ActionParameters())));
    }
}
