namespace OrleansNetOps.Topology;

/// <summary>vtysh on the silo's own host (<c>driver.vtysh</c>): the lab's routers, each in its network namespace.</summary>
/// <param name="Namespace">Run vtysh inside this network namespace (<c>ip netns exec</c>); null for the silo's own.</param>
/// <param name="VtySocketDirectory">The daemons' vty socket directory (<c>vtysh --vty_socket</c>); null for FRR's default.</param>
/// <param name="ReloadDaemon">
/// Restrict rollbacks to one daemon's configuration (<c>frr-reload.py --daemon</c>), where only that daemon runs
/// without an integrated configuration (the lab: <c>bgpd</c>); null compares the whole configuration.
/// </param>
public sealed record LocalVtyshAccess(string? Namespace, string? VtySocketDirectory, string? ReloadDaemon)
{
    /// <summary><c>vtysh in netns x</c>, for logs.</summary>
    public override string ToString() => "vtysh" + (Namespace is null ? string.Empty : " in netns " + Namespace);
}
