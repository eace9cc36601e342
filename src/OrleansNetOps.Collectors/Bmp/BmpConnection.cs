using System.Net;

namespace OrleansNetOps.Collectors.Bmp;

/// <summary>One BMP session from one router, as the collector knows it.</summary>
/// <param name="Id">Unique per connection (remote endpoint plus a sequence number).</param>
/// <param name="Remote">The router's endpoint.</param>
/// <param name="RouterId">
/// The router this session belongs to, fixed once for the whole connection (at the Initiation when its sysName matches
/// the topology, else at the first Peer Up, whose BGP identifier may match it).
/// </param>
/// <param name="SysName">sysName from the Initiation, if sent.</param>
/// <param name="SysDescr">sysDescr from the Initiation, if sent.</param>
public sealed record BmpConnection(string Id, IPEndPoint Remote, string RouterId, string? SysName, string? SysDescr);
