using System.Net;

namespace OrleansNetOps.Collectors.Bmp;

/// <summary>One BMP session from one router, as the collector knows it.</summary>
/// <param name="Id">Unique per connection (remote endpoint plus a sequence number).</param>
/// <param name="Remote">The router's endpoint.</param>
/// <param name="SysName">sysName from the Initiation, once seen.</param>
/// <param name="SysDescr">sysDescr from the Initiation, once seen.</param>
public sealed record BmpConnection(string Id, IPEndPoint Remote, string? SysName, string? SysDescr)
{
    /// <summary>How logs and counters name the router: its sysName, else its address.</summary>
    public string RouterLabel => SysName ?? Remote.Address.ToString();
}
