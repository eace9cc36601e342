namespace OrleansNetOps.Drivers.Transport;

/// <summary>
/// A router reached with OpenSSH's client: key authentication only, the host key checked against
/// <see cref="KnownHostsFile"/> (<c>StrictHostKeyChecking=yes</c>), no agent, no user or system ssh_config.
/// </summary>
/// <param name="Host">Host name or address.</param>
/// <param name="User">Login user (on the router it needs vtysh access, e.g. group <c>frrvty</c>).</param>
/// <param name="IdentityFile">The private key.</param>
/// <param name="KnownHostsFile">known_hosts holding the router's host key.</param>
public sealed record SshEndpoint(string Host, string User, string IdentityFile, string KnownHostsFile)
{
    /// <summary>TCP port.</summary>
    public int Port { get; init; } = 22;

    /// <summary>
    /// The command requested on the router. The key's <c>authorized_keys</c> entry should force it
    /// (<c>command="/usr/local/sbin/netops-frr-gate",restrict</c>), so the key can run nothing else.
    /// </summary>
    public string RemoteCommand { get; init; } = "netops-frr-gate";

    /// <summary>The ssh client.</summary>
    public string Ssh { get; init; } = "ssh";

    /// <summary>TCP connect timeout.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one run (connect, vtysh or reload, disconnect) may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
