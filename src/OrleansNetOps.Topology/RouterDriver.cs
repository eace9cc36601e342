namespace OrleansNetOps.Topology;

/// <summary>
/// How changes reach one router (<c>routers[].driver</c>). With neither <see cref="Vtysh"/> nor <see cref="Ssh"/> a
/// dry run renders against nothing it can read; an FRR driver always has exactly one of them.
/// </summary>
/// <param name="Kind">The driver.</param>
/// <param name="Vtysh">vtysh on the silo's host, when the router is reached that way.</param>
/// <param name="Ssh">OpenSSH, when the router is elsewhere.</param>
public sealed record RouterDriver(RouterDriverKind Kind, LocalVtyshAccess? Vtysh, SshAccess? Ssh)
{
    /// <summary><c>frr via ssh netops@192.0.2.1:22</c>: kind and reach, never the key's path.</summary>
    public override string ToString() =>
        RouterDriverKindNames.Name(Kind) + (Vtysh is not null ? " via " + Vtysh : Ssh is not null ? " via " + Ssh : string.Empty);
}
