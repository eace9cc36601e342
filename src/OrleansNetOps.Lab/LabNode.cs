using System.Net;

namespace OrleansNetOps.Lab;

/// <summary>One bgpd of a lab: one of our routers or an ISP's peering router, in its own network namespace.</summary>
/// <param name="Id">Topology id (<c>R1</c>, <c>ISP-A</c>).</param>
/// <param name="Hostname">Hostname bgpd reports (BMP sysName).</param>
/// <param name="Asn">Its AS number.</param>
/// <param name="RouterId">BGP identifier.</param>
/// <param name="IsOurs">True for our routers (monitored over BMP), false for ISPs.</param>
/// <param name="Namespace">Network namespace name.</param>
/// <param name="Directory">State directory of this node (config, pid file, vty socket directory).</param>
public sealed record LabNode(string Id, string Hostname, uint Asn, IPAddress RouterId, bool IsOurs, string Namespace, string Directory)
{
    /// <summary>The generated bgpd configuration.</summary>
    public string ConfigFile => Path.Combine(Directory, "bgpd.conf");

    /// <summary>bgpd's pid file.</summary>
    public string PidFile => Path.Combine(Directory, "bgpd.pid");

    /// <summary>The zserv socket path bgpd is given; unused with -Z but must not collide with other instances.</summary>
    public string ZebraSocket => Path.Combine(Directory, "zserv.api");

    /// <summary>Directory of bgpd's vty socket, for <c>vtysh --vty_socket</c>.</summary>
    public string VtyDirectory => Path.Combine(Directory, "vty");

    /// <summary>bgpd's log (stdout and stderr of the daemon; bgpd itself logs to syslog unless configured).</summary>
    public string LogFile => Path.Combine(Directory, "bgpd.log");
}
