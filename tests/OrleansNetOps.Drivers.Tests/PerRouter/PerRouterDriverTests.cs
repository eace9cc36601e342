using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers.DryRun;
using OrleansNetOps.Drivers.PerRouter;
using OrleansNetOps.Drivers.Runbooks;
using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Drivers.Transport;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Drivers.Tests.PerRouter;

/// <summary>The service's driver chosen per router from topology.yaml, without a router to reach.</summary>
public sealed class PerRouterDriverTests
{
    private static readonly DeviceAction s_med = new("act-1", "R2", "MED_ADJUST", new ActionParameters { Peer = "ISP-B", Direction = "out", Med = 50 });

    [Fact]
    public async Task On_the_simulated_network_a_router_without_a_choice_is_changed_in_the_simulated_policy()
    {
        var policy = new SimulatedPolicy();
        var driver = TopologyDrivers.Build(SeedNetwork.Topology, simulatedNetwork: true, policy, TimeProvider.System);

        var result = await driver.ExecuteAsync(s_med, await driver.SnapshotAsync(s_med));

        Assert.Equal(SimulatedNetworkDriver.DriverName, driver.For("R2").Name);
        Assert.True(result.ReadBack.Confirmed);
        Assert.Equal(1, policy.Applies);
        Assert.Equal(SimulatedNetworkDriver.DriverName, result.Change.Driver);
    }

    [Fact]
    public async Task A_runbook_action_goes_to_the_runbook_driver_and_its_snapshot_comes_back_to_it()
    {
        using var http = new HttpClient();
        var runbooks = new RunbookDriver([new RunbookDefinition("echo-service", new ScriptRunbookStep("/bin/echo", ["restarting", "{{service}}"]))], http);
        var driver = TopologyDrivers.Build(SeedNetwork.Topology, simulatedNetwork: true, new SimulatedPolicy(), TimeProvider.System, runbooks);
        var action = new DeviceAction("act-rb", "echo-service", DeviceAction.Runbook, new ActionParameters())
        {
            Fields = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("service", "checkout")]),
        };

        var snapshot = await driver.SnapshotAsync(action);
        var result = await driver.ExecuteAsync(action, snapshot);

        Assert.Same(runbooks, driver.For(action));
        Assert.Same(runbooks, driver.For(snapshot));
        Assert.Equal(RunbookDriver.DriverName, result.Change.Driver);
        Assert.Equal("restarting checkout", result.Apply.Output.Trim());
        Assert.False(driver.Handles(action with { Target = "no-such-runbook" }));

        // Without runbooks a RUNBOOK reaches no driver that takes it: nothing runs.
        Assert.False(TopologyDrivers.Build(SeedNetwork.Topology, simulatedNetwork: true, new SimulatedPolicy(), TimeProvider.System).Handles(action));
    }

    [Fact]
    public async Task Off_the_simulated_network_a_router_without_a_choice_is_never_touched()
    {
        var policy = new SimulatedPolicy();
        var driver = TopologyDrivers.Build(SeedNetwork.Topology, simulatedNetwork: false, policy, TimeProvider.System);

        Assert.All(SeedNetwork.Topology.Routers, r => Assert.Equal(DryRunDriver.DriverName, driver.For(r.Id).Name));
        Assert.Equal(DryRunDriver.DriverName, driver.For("not-a-router").Name);

        // Without a way to read the router, the dry run cannot even take a snapshot: nothing is guessed, nothing sent.
        var refused = await Assert.ThrowsAsync<DeviceActionRejectedException>(() => driver.SnapshotAsync(s_med));
        Assert.Contains("'R2' is not a router this FRR driver manages", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, policy.Applies);
    }

    [Fact]
    public void A_simulated_router_on_a_real_network_is_refused_by_name()
    {
        var topology = SeedNetwork.Topology with
        {
            Routers = [.. SeedNetwork.Topology.Routers.Select(r => r.Id == "R4" ? r with { Driver = new RouterDriver(RouterDriverKind.Simulated, null, null) } : r)],
        };

        var error = Assert.Throws<ArgumentException>(() => TopologyDrivers.Build(topology, simulatedNetwork: false, new SimulatedPolicy(), TimeProvider.System));

        Assert.Equal("routers R4: driver simulated, but network.simulated is false: nothing would read the change", error.Message);
    }

    [Fact]
    public void Each_router_gets_the_transport_its_entry_names()
    {
        var local = TopologyDrivers.Transport(new LocalVtyshAccess("netops-lab-R1", "/run/netops-lab/lab/R1/vty", "bgpd"), null);
        var ssh = TopologyDrivers.Transport(null, new SshAccess("192.0.2.7", 2222, "netops", "/etc/netops/keys/r2", "/etc/netops/known_hosts"));

        Assert.Equal("vtysh --vty_socket /run/netops-lab/lab/R1/vty in netns netops-lab-R1", local.Endpoint);
        Assert.Equal("ssh netops@192.0.2.7:2222", ssh.Endpoint);
        var invocation = ((SshVtyshTransport)ssh).Invocation("vtysh\nshow version\n");
        Assert.Contains("/etc/netops/keys/r2", invocation.Arguments);
        Assert.Contains("UserKnownHostsFile=/etc/netops/known_hosts", invocation.Arguments);
    }

    [Fact]
    public async Task An_ssh_failure_never_shows_the_key_or_known_hosts_path()
    {
        // A real ssh client toward a port nobody listens on: it warns about the missing key by path, then fails.
        var key = Path.Combine(Path.GetTempPath(), "netops-secret-key-" + Guid.NewGuid().ToString("N"));
        var knownHosts = Path.Combine(Path.GetTempPath(), "netops-secret-hosts-" + Guid.NewGuid().ToString("N"));
        var transport = new SshVtyshTransport(new SshEndpoint("127.0.0.1", "netops", key, knownHosts) { Port = 9, ConnectTimeout = TimeSpan.FromSeconds(2) });

        var failure = await Assert.ThrowsAsync<DeviceCommandFailedException>(() => transport.RunAsync(["show version"]));

        Assert.StartsWith("ssh failed: ", failure.Detail, StringComparison.Ordinal);
        Assert.Contains("(identity file)", failure.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("netops-secret", failure.Message, StringComparison.Ordinal);
    }
}
