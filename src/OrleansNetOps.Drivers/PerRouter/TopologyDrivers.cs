using System.Collections.Immutable;
using OrleansNetOps.Drivers.DryRun;
using OrleansNetOps.Drivers.Frr;
using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Drivers.Transport;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Drivers.PerRouter;

/// <summary>
/// Builds the service's driver from topology.yaml: every router with <c>driver: frr</c> becomes a device of one FRR
/// driver, every <c>dry-run</c> router one of a dry run over FRR (it reads the router when it can reach it, and
/// sends nothing), and a router without a choice gets the silo's default — the simulated network's policy when the
/// network is simulated, otherwise a dry run that cannot read anything. Nothing real is changed unless configured.
/// </summary>
public static class TopologyDrivers
{
    /// <summary>The per-router driver for <paramref name="topology"/>.</summary>
    /// <param name="topology">The routers and their <c>driver:</c> choices.</param>
    /// <param name="simulatedNetwork">Whether the silo runs the embedded simulated network.</param>
    /// <param name="policy">The simulated network's policy (used only when it runs).</param>
    /// <param name="time">The clock.</param>
    /// <param name="runbooks">The driver of <c>RUNBOOK</c> actions (runbooks.yaml's runbooks); null when there are none.</param>
    /// <exception cref="ArgumentException">A router is <c>simulated</c> while the network is not.</exception>
    public static PerRouterDriver Build(NetworkTopology topology, bool simulatedNetwork, SimulatedPolicy policy, TimeProvider time, IDeviceDriver? runbooks = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        var wrong = topology.Routers.Where(r => r.Driver?.Kind == RouterDriverKind.Simulated && !simulatedNetwork).Select(r => r.Id).ToList();
        if (wrong.Count > 0)
        {
            throw new ArgumentException($"routers {string.Join(", ", wrong)}: driver simulated, but network.simulated is false: nothing would read the change");
        }

        var kinds = topology.Routers.ToDictionary(r => r.Id, r => r.Driver?.Kind ?? (simulatedNetwork ? RouterDriverKind.Simulated : RouterDriverKind.DryRun), StringComparer.Ordinal);
        var simulated = new SimulatedNetworkDriver(policy, time);
        var frr = new FrrDriver(Devices(topology, RouterDriverKind.Frr), time);
        var dryRun = new DryRunDriver(new FrrDriver(Devices(topology, RouterDriverKind.DryRun), time), time);
        IDeviceDriver fallback = simulatedNetwork ? simulated : dryRun;
        var routers = kinds.Select(k => KeyValuePair.Create(k.Key, k.Value switch
        {
            RouterDriverKind.Frr => frr,
            RouterDriverKind.Simulated => simulated,
            _ => (IDeviceDriver)dryRun,
        }));
        return new PerRouterDriver(routers, fallback, runbooks);
    }

    /// <summary>How vtysh of a router is reached, from its topology entry.</summary>
    public static IVtyshTransport Transport(LocalVtyshAccess? vtysh, SshAccess? ssh)
    {
        if (ssh is not null)
        {
            return new SshVtyshTransport(new SshEndpoint(ssh.Host, ssh.User, ssh.IdentityFile, ssh.KnownHostsFile) { Port = ssh.Port });
        }

        ArgumentNullException.ThrowIfNull(vtysh);
        return new LocalVtyshTransport(new LocalVtyshOptions
        {
            NetworkNamespace = vtysh.Namespace,
            VtySocketDirectory = vtysh.VtySocketDirectory,
            ReloadDaemon = vtysh.ReloadDaemon,
        });
    }

    // Routers of one kind that say how they are reached (a dry run without reach renders against nothing it can read).
    private static ImmutableArray<FrrDevice> Devices(NetworkTopology topology, RouterDriverKind kind) =>
    [
        .. topology.Routers
            .Where(r => r.Driver is { } d && d.Kind == kind && (d.Vtysh is not null || d.Ssh is not null))
            .Select(r => FrrDevice.FromTopology(topology, r.Id, Transport(r.Driver!.Vtysh, r.Driver.Ssh))),
    ];
}
