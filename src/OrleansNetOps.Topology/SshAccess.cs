using System.Globalization;

namespace OrleansNetOps.Topology;

/// <summary>
/// A router reached over OpenSSH (<c>driver.ssh</c>): key authentication, the host key checked against
/// <paramref name="KnownHostsFile"/>. The key's path is configuration, never output: <see cref="ToString"/> leaves it out.
/// </summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="User">Login user (on the router it needs vtysh access).</param>
/// <param name="IdentityFile">The private key's path.</param>
/// <param name="KnownHostsFile">The known_hosts file holding the router's host key.</param>
public sealed record SshAccess(string Host, int Port, string User, string IdentityFile, string KnownHostsFile)
{
    /// <summary><c>ssh user@host:port</c>: what may be shown; the key and known_hosts paths are not.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ssh {User}@{Host}:{Port}");
}
