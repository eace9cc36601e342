using System.Net;

namespace OrleansNetOps.Collectors;

/// <summary>
/// Names the router a message came from: given the host name the message carries (if any) and the sender's
/// address, returns the router id (e.g. the topology's match, else the host name, else the address).
/// </summary>
public delegate string CollectorRouterMap(string? hostname, IPAddress source);
