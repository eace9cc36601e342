using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers.Simulated;

namespace OrleansNetOps.Drivers.Tests.Simulated;

public sealed class SimulatedNetworkDriverTests
{
    private static readonly DeviceAction s_med = new("act-1", "R2", "MED_ADJUST", new ActionParameters { Peer = "ISP-B", Direction = "out", Med = 50 });

    [Fact]
    public async Task Executing_again_after_a_crash_reads_the_router_first_and_sends_nothing_twice()
    {
        var policy = new SimulatedPolicy();
        var driver = new SimulatedNetworkDriver(policy, TimeProvider.System);
        var baseline = await driver.SnapshotAsync(s_med);

        var first = await driver.ExecuteAsync(s_med, baseline);
        var again = await driver.ExecuteAsync(s_med, baseline);

        Assert.True(first.Apply.Touched);
        Assert.Single(first.Apply.Sent);
        Assert.True(first.ReadBack.Confirmed);
        Assert.False(again.Apply.Touched);
        Assert.Empty(again.Apply.Sent);
        Assert.True(again.WasAlreadyPresent);
        Assert.Equal(1, policy.Applies);
        Assert.Equal(("MED_ADJUST", 50L), (SimulatedPolicy.Parse(policy.Text("R2")).Action, SimulatedPolicy.Parse(policy.Text("R2")).Parameters.Med));
    }

    [Fact]
    public async Task A_rollback_restores_the_snapshot_exactly_and_leaves_other_routers_alone()
    {
        var policy = new SimulatedPolicy();
        var driver = new SimulatedNetworkDriver(policy, TimeProvider.System);
        await driver.ExecuteAsync(s_med with { Target = "R1" }, await driver.SnapshotAsync(s_med with { Target = "R1" }));
        var baseline = await driver.SnapshotAsync(s_med);
        await driver.ExecuteAsync(s_med, baseline);
        var version = policy.Version;

        var rollback = await driver.RollbackAsync(baseline);

        Assert.True(rollback.Restored);
        Assert.Equal(string.Empty, policy.Text("R2"));
        Assert.NotEqual(string.Empty, policy.Text("R1"));
        Assert.True(policy.Version > version);
    }

    [Fact]
    public async Task No_action_renders_nothing()
    {
        var driver = new SimulatedNetworkDriver(new SimulatedPolicy(), TimeProvider.System);
        var none = new DeviceAction("act-2", "R1", "NO_ACTION", new ActionParameters());
        var change = await driver.RenderAsync(none, await driver.SnapshotAsync(none));
        Assert.True(change.IsEmpty);
    }
}
