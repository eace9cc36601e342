using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Drivers.Tests;

public sealed class ActionScopeTests
{
    [Theory]
    [InlineData("R1", "ISP_FAILOVER", "ISP-B", "R1,R2")]
    [InlineData("R3", "ISP_FAILOVER", "203.0.113.14", "R2")]
    [InlineData("R1", "ISP_FAILOVER", "ISP-A", "R1")]
    [InlineData("R1", "LOCAL_PREF_ADJUST", "ISP-B", "R1")]
    [InlineData("R4", "FULL_REROUTE", null, "R4")]
    public void An_ISP_failover_runs_on_every_router_peering_with_the_ISP(string target, string action, string? peer, string expected)
    {
        var routers = ActionScope.Routers(SeedNetwork.Topology, new DeviceAction("a", target, action, new ActionParameters { Peer = peer }));

        Assert.Equal(expected, string.Join(',', routers));
    }
}
