using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers.Frr;
using OrleansNetOps.Drivers.Processes;
using OrleansNetOps.Drivers.Transport;
using OrleansNetOps.Twin.WhatIf;
using Xunit.Abstractions;

namespace OrleansNetOps.Drivers.Tests.Lab;

/// <summary>
/// The FRR driver over OpenSSH against a real sshd on 127.0.0.1 whose key may run only netops-frr-gate for lab
/// router R2: the same driver, the same results as the local transport; host keys are checked; the gate runs
/// nothing but vtysh and frr-reload.py, and every line stays one argument.
/// </summary>
[Collection(DriverLabCollection.Name)]
public sealed class SshTransportLabTests(DriverLab fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan s_converge = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_driver_over_ssh_applies_reads_back_and_restores_the_snapshot()
    {
        var lab = fixture.Lab;
        await using var sshd = await LocalSshd.StartAsync(lab.Layout.Node("R2").VtyDirectory);
        var driver = new FrrDriver([FrrDevice.FromTopology(SeedNetwork.Topology, "R2", new SshVtyshTransport(sshd.Endpoint))]);

        var parameters = new ActionParameters { Peer = "ISP-B", LocalPref = 200 };
        var action = new DeviceAction("ssh-1", "R2", "LOCAL_PREF_ADJUST", parameters);
        var snapshot = await driver.SnapshotAsync(action);
        Assert.Equal(await lab.RunningConfigAsync("R2"), snapshot.Text);
        var result = await driver.ExecuteAsync(action, snapshot);
        output.WriteLine($"over ssh: {result.Apply.Sent.Length} lines in {result.Apply.Duration.TotalMilliseconds:0} ms");
        Assert.True(result.ReadBack.Confirmed);
        Assert.Contains(" set local-preference 200", await lab.RunningConfigAsync("R2"), StringComparison.Ordinal);

        var twin = WhatIfEngine.Run(SeedNetwork.State, new WhatIfRequest([new CatalogueChange("R2", "LOCAL_PREF_ADJUST", parameters)]));
        Assert.Empty(await BestPaths.WaitForAsync(lab, BestPaths.Predicted(twin.After!), s_converge));

        var again = await driver.ExecuteAsync(action, snapshot);
        Assert.True(again.WasAlreadyPresent);
        Assert.False(again.Apply.Touched);

        var rollback = await driver.RollbackAsync(snapshot);
        output.WriteLine("frr-reload.py over ssh:\n" + rollback.Output);
        Assert.True(rollback.Restored, string.Join('\n', rollback.Differences));
        Assert.Equal(snapshot.Text, await lab.RunningConfigAsync("R2"));
        Assert.Empty(await BestPaths.WaitForAsync(lab, BestPaths.Predicted(SeedNetwork.State), s_converge));
    }

    [Fact]
    public async Task A_host_key_that_is_not_the_known_one_is_refused()
    {
        await using var sshd = await LocalSshd.StartAsync(fixture.Lab.Layout.Node("R2").VtyDirectory);
        var endpoint = sshd.Endpoint with { KnownHostsFile = await sshd.WrongKnownHostsAsync() };
        var driver = new FrrDriver([FrrDevice.FromTopology(SeedNetwork.Topology, "R2", new SshVtyshTransport(endpoint))]);

        var failure = await Assert.ThrowsAsync<DeviceCommandFailedException>(() => driver.SnapshotAsync(new DeviceAction("ssh-2", "R2", "NO_ACTION", new ActionParameters())));
        Assert.Equal("R2", failure.Target);
        Assert.Contains("Host key verification failed", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gate_runs_only_vtysh_and_reload_and_never_a_shell()
    {
        await using var sshd = await LocalSshd.StartAsync(fixture.Lab.Layout.Node("R2").VtyDirectory);
        var transport = new SshVtyshTransport(sshd.Endpoint);
        var marker = Path.Combine(sshd.Directory, "injected");

        var other = await ProcessRunner.RunAsync(transport.Invocation($"bash\ntouch {marker}\n"));
        Assert.Equal(64, other.ExitCode);
        Assert.Contains("unknown request 'bash'", other.Error, StringComparison.Ordinal);

        // A command with shell syntax in it reaches vtysh as one argument, which vtysh rejects as an unknown command.
        var injected = await ProcessRunner.RunAsync(transport.Invocation($"vtysh\nshow version; touch {marker}\n$(touch {marker})\n"));
        Assert.NotEqual(0, injected.ExitCode);
        Assert.Contains("Unknown command", injected.Output + injected.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));

        // The transport itself refuses a command that would be two lines on the wire.
        await Assert.ThrowsAsync<ArgumentException>(() => transport.RunAsync(["show version\nconfigure terminal"]));
    }
}
